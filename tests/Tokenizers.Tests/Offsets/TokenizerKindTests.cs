using System.Buffers;
using System.Text;
using Tokenizers.Notebook;
using Tokenizers.Tests.HuggingFace;

namespace Tokenizers.Tests.Offsets;

/// <summary>
/// The members every <see cref="ITokenizer"/> has for ML.Tokenizers-style code, on every kind of tokenizer: BPE from a
/// tiktoken file and from vocab.json/merges.txt, a word list with an unknown token, bytes, and tokenizer.json models
/// (byte-level, NFC, SentencePiece). Offsets locate each token (its bytes are the text's where the tokenizer keeps
/// them), the budget indices follow ML.Tokenizers' rule over those offsets, span decoding agrees with the string
/// decode, and every token's text looks its id up.
/// </summary>
public sealed class TokenizerKindTests
{
    private static readonly string Story = File.ReadAllText(SharedData.Path_("data", "the-verdict.txt"))[..3000];

    private static readonly string[] Texts =
    [
        "Hello world", "  leading and trailing  ", "na\u00efve caf\u00e9 \u2014 \u6771\u4eac\u30bf\u30ef\u30fc \u2b50 \U0001F999 emoji",
        "<|endoftext|> special", "Line\n\nbreaks\tand tabs", "e\u0301t\u00e9 \u0130stanbul", "a\uD800b lone", "", Story,
    ];

    public static TheoryData<string> Kinds => new() { "cl100k", "gpt2", "words", "bytes", "llama3", "qwen3", "llama2" };

    private static readonly Dictionary<string, ITokenizer> Cache = new();

    private static ITokenizer Load(string kind)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(kind, out var cached)) return cached;
            string vocab = Path.Combine(SharedData.RepoRoot, "vocab");
            ITokenizer tokenizer = kind switch
            {
                "cl100k" => TokenizerFile.Load(Path.Combine(vocab, "cl100k_base", "cl100k_base.tiktoken"),
                    new TokenizerFileOptions { Pattern = "cl100k", SpecialTokens = ["<|endoftext|>=100257"] }),
                "gpt2" => TokenizerFile.Load(Path.Combine(vocab, "gpt2", "vocab.json"), Path.Combine(vocab, "gpt2", "merges.txt")),
                "words" => TokenizerFile.Load(WordList(), new TokenizerFileOptions { UnknownToken = "<|unk|>" }),
                "bytes" => ByteTokenizer.Instance,
                _ => TokenizerFile.Load(HfModelFiles.Require(kind)),
            };
            return Cache[kind] = tokenizer;
        }
    }

    /// <summary>The story's words, less a few, so that unknown words occur.</summary>
    private static string WordList()
    {
        string path = Path.Combine(Path.GetTempPath(), "tokenizers-kind-words.txt");
        var words = Story.Split([' ', '\n', '\r', '\t', ',', '.', '"', ';', '-', '!', '?', ':', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Concat([",", ".", "\"", ";", "-", "!", "?", ":", "(", ")", "'", "--", "Hello", "world", "<|unk|>"])
            .Where(w => w != "the").Distinct(StringComparer.Ordinal);
        File.WriteAllLines(path, words);
        return path;
    }

    /// <summary>Kinds whose tokens' bytes are the text's UTF-8: each group of tokens sharing chars decodes to those chars.</summary>
    private static bool BytesAreText(string kind) => kind is "cl100k" or "gpt2" or "bytes" or "llama3";

    [Theory, MemberData(nameof(Kinds))]
    public void TokensLocateTheirText(string kind)
    {
        ITokenizer tokenizer = Load(kind);
        foreach (string text in Texts)
        {
            var tokens = tokenizer.EncodeToTokens(text);
            Assert.Equal(tokenizer.EncodeToIds(text), tokens.Select(t => t.Id));
            int previousEnd = 0, previousIndex = 0;
            foreach (var t in tokens)
            {
                Assert.InRange(t.Index, previousIndex, text.Length);
                Assert.InRange(t.End, t.Index, text.Length);
                Assert.True(t.Index >= previousEnd - 2, $"{kind}: token {t} overlaps more than a char");
                previousIndex = t.Index;
                previousEnd = Math.Max(previousEnd, t.End);
            }
            if (!BytesAreText(kind)) continue;
            foreach (var (start, end, ids) in Groups(tokens))
                Assert.Equal(Utf8Of(text[start..end]), Concat(tokenizer, ids));
            Assert.Equal(text.Length, tokens.Count == 0 ? 0 : tokens.Max(t => t.End));
        }
    }

    [Fact]
    public void UnknownWordsCoverTheirWord()
    {
        ITokenizer words = Load("words");
        string text = "Hello, the world";
        var tokens = words.EncodeToTokens(text);
        Assert.True(words.TryGetId("<|unk|>", out int unknown));
        Assert.Equal([("Hello", false), (",", false), ("the", true), ("world", false)],
            tokens.Select(t => (text[t.Index..t.End], t.Id == unknown)));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void BudgetIndicesFollowTheTokens(string kind)
    {
        ITokenizer tokenizer = Load(kind);
        foreach (string text in Texts)
        {
            var tokens = tokenizer.EncodeToTokens(text);
            var groups = Groups(tokens).ToList();
            for (int budget = 1; budget <= Math.Min(tokens.Count + 1, 80); budget++)
            {
                // The reference: whole groups from the start (the end) while they fit.
                int taken = 0, end = 0, g = 0;
                for (; g < groups.Count && taken + groups[g].Ids.Count <= budget; g++) { taken += groups[g].Ids.Count; end = groups[g].End; }
                Assert.Equal((g == groups.Count ? text.Length : end, taken), (tokenizer.GetIndexByTokenCount(text, budget, out int count), count));
                taken = 0;
                int start = text.Length;
                for (g = groups.Count - 1; g >= 0 && taken + groups[g].Ids.Count <= budget; g--) { taken += groups[g].Ids.Count; start = groups[g].Start; }
                Assert.Equal((g < 0 ? 0 : start, taken), (tokenizer.GetIndexByTokenCountFromEnd(text, budget, out count), count));
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.GetIndexByTokenCount("x", 0, out _));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void SpanDecodeAgreesWithDecode(string kind)
    {
        ITokenizer tokenizer = Load(kind);
        foreach (string text in Texts.Where(t => t.Length < 200))
        {
            int[] ids = [.. tokenizer.EncodeToIds(text)];
            string decoded = tokenizer.Decode(ids);
            for (int size = 0; size <= decoded.Length + 1; size++)
            {
                char[] buffer = new char[size];
                var status = tokenizer.Decode(ids, buffer, out int idsConsumed, out int charsWritten);
                Assert.Equal(size >= decoded.Length ? OperationStatus.Done : OperationStatus.DestinationTooSmall, status);
                string written = new(buffer, 0, charsWritten);
                Assert.StartsWith(written, decoded, StringComparison.Ordinal);
                Assert.Equal(written, tokenizer.Decode(ids[..idsConsumed]));
            }
        }
        Assert.Equal(OperationStatus.InvalidData, tokenizer.Decode([tokenizer.VocabularySize], new char[8], out _, out _));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void EveryTokenTextLooksUpItsId(string kind)
    {
        ITokenizer tokenizer = Load(kind);
        foreach (int id in Texts.SelectMany(t => tokenizer.EncodeToIds(t, SpecialTokenPolicy.All)).Distinct())
        {
            string token = tokenizer.GetToken(id);
            if (token.Contains('\uFFFD')) continue; // part of a character: no text of its own
            Assert.True(tokenizer.TryGetId(token, out int found), $"{kind}: {token}");
            Assert.Equal(token, tokenizer.GetToken(found));
        }
        Assert.False(tokenizer.TryGetId("\u0000no such token\u0001 at all \uFFFF", out _));
    }

    [Fact]
    public void NeedMoreDataWhenTheIdsEndInsideACharacter()
    {
        ITokenizer bytes = Load("bytes");
        int[] ids = [.. bytes.EncodeToIds("a\u6771")];
        var status = bytes.Decode(ids.AsSpan(0, 2), new char[8], out int idsConsumed, out int charsWritten);
        Assert.Equal((OperationStatus.NeedMoreData, 1, 1), (status, idsConsumed, charsWritten));
    }

    private static byte[] Utf8Of(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Concat(ITokenizer tokenizer, List<int> ids)
    {
        var bytes = new List<byte>();
        byte[] buffer = new byte[1024];
        foreach (int id in ids) bytes.AddRange(buffer.AsSpan(0, tokenizer.DecodeToBytes(id, buffer)).ToArray());
        return [.. bytes];
    }

    /// <summary>Runs of tokens that share chars, with the chars they cover.</summary>
    private static IEnumerable<(int Start, int End, List<int> Ids)> Groups(IReadOnlyList<TokenOffset> tokens)
    {
        List<int>? ids = null;
        int start = 0, end = 0;
        foreach (var t in tokens)
        {
            if (ids is not null && t.Index >= end)
            {
                yield return (start, end, ids);
                ids = null;
            }
            if (ids is null) { ids = []; start = t.Index; end = t.End; }
            ids.Add(t.Id);
            end = Math.Max(end, t.End);
        }
        if (ids is not null) yield return (start, end, ids);
    }
}
