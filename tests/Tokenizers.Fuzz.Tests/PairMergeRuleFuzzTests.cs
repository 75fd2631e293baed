using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// vocab.json + merges.txt pairs whose merges disagree with the id order (synthetic: random merges, shuffled ids, pairs
/// listed twice, results listed before the merge that really builds them) load through
/// <see cref="TokenizerFile.Load(string, string)"/> and give the ids of Hugging Face's Rust core running the same
/// vocab and merges as a tokenizer.json BPE model with GPT-2's ByteLevel pre-tokenizer. The seed changes every run
/// (<c>TOKENIZERS_FUZZ_SEED</c> repeats one).
/// </summary>
public class PairMergeRuleFuzzTests
{
    private const int DefaultStrings = 10_000;
    private const int Pairs = 4;
    private const string Alphabet = "abcdeĠ";
    private static readonly string[] Fragments = ["a", "b", "c", "d", "e", "ab", "abc", "cab", "dd", "bcd", " ", " a", "  ", "é", "😀", "x", "\n", "1", "'s"];

    [Fact]
    public void PairsWhoseMergesDisagreeWithTheIdOrderMatchHuggingFace()
    {
        int seed = FuzzSettings.Seed();
        int strings = FuzzSettings.Strings(DefaultStrings);
        string directory = Path.Combine(Path.GetTempPath(), "tokenizers-pairs-" + Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();
        try
        {
            var random = new Random(seed);
            var ours = new Dictionary<string, ITokenizer>();
            for (int p = 0; p < Pairs; p++)
            {
                string name = "pair" + p;
                string folder = Path.Combine(directory, name);
                Directory.CreateDirectory(folder);
                var (vocab, merges) = Pair(random);
                File.WriteAllText(Path.Combine(folder, "vocab.json"), JsonSerializer.Serialize(vocab));
                File.WriteAllText(Path.Combine(folder, "merges.txt"), "#version: 0.2\n" + string.Join("\n", merges) + "\n");
                File.WriteAllText(Path.Combine(folder, "tokenizer.json"), SyntheticBpeJson.ByteLevel(vocab, merges));
                ours[name] = TokenizerFile.Load(Path.Combine(folder, "vocab.json"), Path.Combine(folder, "merges.txt"));
            }

            var batches = new List<HuggingFaceBatch>();
            for (int i = 0; i < strings; i += 500)
            {
                var texts = new List<string>();
                for (int k = 0; k < 500 && i + k < strings; k++)
                {
                    var sb = new StringBuilder();
                    for (int n = random.Next(12); n > 0; n--) sb.Append(Fragments[random.Next(Fragments.Length)]);
                    texts.Add(sb.ToString());
                }
                batches.Add(new HuggingFaceBatch("pair" + batches.Count % Pairs, texts));
            }

            using var oracle = new HuggingFaceOracle(directory);
            var report = new FuzzReport(seed, strings, "Hugging Face tokenizers 0.22.2 on synthetic vocab.json + merges.txt pairs");
            var mismatches = new List<(string Model, string Text)>();
            oracle.Run(batches, (b, theirs) =>
            {
                for (int k = 0; k < theirs.Length; k++)
                {
                    report.Comparisons++;
                    report.Chars += batches[b].Texts[k].Length;
                    if (ours[batches[b].Model].EncodeToIds(batches[b].Texts[k]).SequenceEqual(theirs[k])) continue;
                    report.Mismatches++;
                    mismatches.Add((batches[b].Model, batches[b].Texts[k]));
                }
            });
            foreach (var (model, text) in mismatches.DistinctBy(m => m.Model))
            {
                string minimal = Differential.Shrink(text, t => !ours[model].EncodeToIds(t).SequenceEqual(oracle.Encode(model, t)));
                report.Reproducers.Add($"{model}: {Differential.Literal(minimal)}\n    ours:         [{string.Join(", ", ours[model].EncodeToIds(minimal))}]\n"
                    + $"    Hugging Face: [{string.Join(", ", oracle.Encode(model, minimal))}]");
            }
            report.CompareTime = report.TotalTime = clock.Elapsed;
            TestContext.Current.TestOutputHelper?.WriteLine(report.Mismatches == 0 ? report.Summary : report.Describe());
            Assert.True(report.Mismatches == 0, report.Describe());
            Assert.Equal(strings, report.Comparisons);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// A byte-level vocabulary (all 256 byte chars) and 120 random merges of tokens over a small alphabet; a few pairs
    /// are listed again later (Hugging Face keeps the last index). Every id is shuffled.
    /// </summary>
    private static (Dictionary<string, int> Vocab, List<string> Merges) Pair(Random random)
    {
        var tokens = new List<string>();
        foreach (char c in ByteLevelAlphabet.Chars) tokens.Add(c.ToString());
        var known = new HashSet<string>(tokens);
        var parts = new List<string>();
        foreach (char c in Alphabet) parts.Add(c.ToString());
        var merges = new List<string>();
        for (int i = 0; i < 120; i++)
        {
            string left = parts[random.Next(parts.Count)], right = parts[random.Next(parts.Count)];
            if (left.Length + right.Length > 6) continue;
            merges.Add(left + " " + right);
            if (known.Add(left + right))
            {
                tokens.Add(left + right);
                parts.Add(left + right);
            }
        }
        for (int i = 0; i < 6; i++) merges.Insert(random.Next(merges.Count), merges[random.Next(merges.Count)]);
        var vocab = new Dictionary<string, int>();
        foreach (string t in tokens.OrderBy(_ => random.Next())) vocab[t] = vocab.Count;
        return (vocab, merges);
    }
}
