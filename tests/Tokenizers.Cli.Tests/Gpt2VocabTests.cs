using System.Security.Cryptography;
using System.Text;
using Tokenizers.Cli.Conversion;

namespace Tokenizers.Cli.Tests;

/// <summary>vocab/gpt2 as committed: consistent, reproducible, and equal to OpenAI's published ranks.</summary>
public class Gpt2VocabTests
{
    // tiktoken's expected SHA-256 of r50k_base.tiktoken, whose ranks are GPT-2's (tiktoken_ext/openai_public.py).
    private const string R50kBaseSha256 = "306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930";

    private static readonly string s_vocabJson = File.ReadAllText(Path.Combine(RepoPaths.Gpt2Vocab, "vocab.json"));
    private static readonly string s_mergesText = File.ReadAllText(Path.Combine(RepoPaths.Gpt2Vocab, "merges.txt"));
    private static readonly List<Merge> s_merges =
        s_mergesText.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(' ')).Select(p => new Merge(p[0], p[1])).ToList();
    private static readonly RankFile s_ranks = HuggingFaceReader.Read(s_vocabJson, s_mergesText);

    [Fact]
    public void HasGpt2sShape()
    {
        Assert.StartsWith("#version: 0.2\n", s_mergesText);
        Assert.Equal(50_000, s_merges.Count);
        Assert.Equal(50_256, s_ranks.Ranks.Count);
        Assert.Equal(new Dictionary<string, int> { ["<|endoftext|>"] = 50_256 }, s_ranks.SpecialTokens);
        Assert.Equal(Enumerable.Range(0, 50_256), s_ranks.Ranks.Values.Order());
        Assert.Equal(220, s_ranks.Ranks["Ġ"]);
        Assert.Equal(262, s_ranks.Ranks["Ġthe"]);
    }

    [Fact]
    public void RanksRebuiltFromMergesAreOpenAIsR50kBase()
    {
        var text = new StringBuilder();
        foreach (KeyValuePair<string, int> token in s_ranks.Ranks.OrderBy(t => t.Value))
        {
            text.Append(Convert.ToBase64String(ByteLevelAlphabet.Decode(token.Key))).Append(' ').Append(token.Value).Append('\n');
        }
        Assert.Equal(R50kBaseSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text.ToString()))));
    }

    [Fact]
    public void MergesAreTheSplitsBpeMakes() =>
        Assert.Equal(s_merges, MergesDeriver.Derive(s_ranks.Ranks));

    [Fact]
    public void ConvertingTheRebuiltRanksGivesTheSameFilesByteForByte()
    {
        ConversionResult result = Converter.Convert(s_ranks);
        Assert.Equal(s_vocabJson, result.VocabJson);
        Assert.Equal(s_mergesText, result.MergesText);
    }

    /// <summary>
    /// Hugging Face applies merges by pair, tiktoken by concatenated bytes. Each token must still come out whole when
    /// its bytes are merged pair by pair in merges.txt's order, or a pair-keyed engine could not reach it.
    /// </summary>
    [Fact]
    public void EveryTokenIsReachableByPairKeyedMerges()
    {
        var priority = s_merges.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        foreach (string token in s_ranks.Ranks.Keys)
        {
            var parts = token.Select(c => c.ToString()).ToList();
            while (parts.Count > 1)
            {
                int best = -1, bestPriority = int.MaxValue;
                for (int i = 0; i + 1 < parts.Count; i++)
                {
                    if (priority.TryGetValue(new Merge(parts[i], parts[i + 1]), out int p) && p < bestPriority)
                    {
                        (best, bestPriority) = (i, p);
                    }
                }
                if (best < 0)
                {
                    break;
                }
                parts[best] += parts[best + 1];
                parts.RemoveAt(best + 1);
            }
            Assert.True(parts.Count == 1, $"{token} stops at [{string.Join(" ", parts)}]");
        }
    }
}
