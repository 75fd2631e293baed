using System.Buffers;
using System.Diagnostics;
using CsCheck;
using Tokenizers.Tests;

namespace Tokenizers.OpenAI.Tests;

/// <summary>
/// Issue 9 §4: <see cref="TokenizerFile"/> loads the files of <c>vocab/</c> at run time into tokenizers that give the
/// ids of the classes the generator compiled from the same files: on every reference vector and on generated strings,
/// through every encode, count and decode member.
/// </summary>
public class LoadedTokenizerTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Lazy<ITokenizer>> s_loaded = new()
    {
        ["gpt2"] = new(() => TokenizerFile.Load(Vocab("gpt2", "vocab.json"), Vocab("gpt2", "merges.txt"))),
        ["r50k_base"] = new(() => Tiktoken("r50k_base", "gpt2", "<|endoftext|>=50256")),
        ["p50k_base"] = new(() => Tiktoken("p50k_base", "gpt2", "<|endoftext|>=50256")),
        ["cl100k_base"] = new(() => Tiktoken("cl100k_base", "cl100k",
            "<|endoftext|>=100257", "<|fim_prefix|>=100258", "<|fim_middle|>=100259", "<|fim_suffix|>=100260", "<|endofprompt|>=100276")),
        ["o200k_base"] = new(() => Tiktoken("o200k_base", "o200k", "<|endoftext|>=199999", "<|endofprompt|>=200018")),
    };

    private static string Vocab(params string[] parts) => Path.Combine([SharedData.RepoRoot, "vocab", .. parts]);

    private static ITokenizer Tiktoken(string name, string pattern, params string[] specials)
        => TokenizerFile.Load(Vocab(name, name + ".tiktoken"), new TokenizerFileOptions { PreTokenizer = pattern, SpecialTokens = specials });

    private static ITokenizer Loaded(string encoding) => s_loaded[encoding].Value;

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789'.,!?-\n\t"], 0, 60],
        Gen.String[Gen.Char, 0, 40],
        Gen.String[Gen.Char['\u0400', '\u04FF'], 0, 20],
        Gen.String[Gen.Char['\u4E00', '\u9FFF'], 0, 20],
        Gen.OneOfConst("<|endoftext|>", " <|fim_prefix|>x", "'s 's  \n\n 123456 ", "😀👍🏽", "<|endofprompt|><|endoftext|>"));

    public static TheoryData<string> Encodings => new(OpenAIEncodings.Names);

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryReferenceVectorGivesTheGeneratedIds(string encoding)
    {
        var watch = Stopwatch.StartNew();
        ITokenizer loaded = Loaded(encoding), generated = OpenAIEncodings.Get(encoding);
        output.WriteLine($"{encoding}: loaded in {watch.Elapsed.TotalMilliseconds:F0} ms (or earlier by another test)");
        Assert.Equal(generated.VocabularySize, loaded.VocabularySize);
        Assert.IsAssignableFrom<IStreamableTokenizer>(loaded);
        int checkedVectors = 0;
        foreach (var v in ReferenceVectors.All.Where(v => v.Encoding == encoding))
        {
            Assert.Equal(v.Ids, loaded.EncodeToIds(v.Text));
            if (v.IdsAllowingSpecial is not null) Assert.Equal(v.IdsAllowingSpecial, loaded.EncodeToIds(v.Text, SpecialTokenPolicy.All));
            checkedVectors++;
        }
        Assert.True(checkedVectors > 10, $"only {checkedVectors} vectors for {encoding}");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void GeneratedStringsGiveTheGeneratedIds(string encoding)
    {
        ITokenizer loaded = Loaded(encoding), generated = OpenAIEncodings.Get(encoding);
        var streamable = (IStreamableTokenizer)loaded;
        Assert.Equal(((IStreamableTokenizer)generated).SpecialTokens, streamable.SpecialTokens);
        s_text.Sample(s =>
        {
            foreach (var policy in new[] { SpecialTokenPolicy.None, SpecialTokenPolicy.All })
            {
                var expected = generated.EncodeToIds(s, policy);
                Assert.Equal(expected, loaded.EncodeToIds(s, policy));
                Assert.Equal(expected.Count, loaded.CountTokens(s.AsSpan(), policy));
                Span<int> buffer = new int[expected.Count + 1];
                Assert.Equal(OperationStatus.Done, loaded.EncodeToIds(s, buffer, out int consumed, out int written, policy));
                Assert.Equal((s.Length, expected.Count), (consumed, written));
                Assert.Equal(generated.Decode(expected), loaded.Decode(expected));
            }
            Assert.Equal(generated.CountTokens(s), loaded.CountTokens(s));
        }, iter: 2_000);
    }

    [Fact]
    public void TokenBytesAndUnknownIdsAreTheGeneratedOnes()
    {
        ITokenizer loaded = Loaded("cl100k_base"), generated = OpenAIEncodings.Get("cl100k_base");
        byte[] a = new byte[256], b = new byte[256];
        for (int id = 0; id < generated.VocabularySize; id += 97)
        {
            int n = generated.DecodeToBytes(id, a);
            Assert.Equal(n, loaded.DecodeToBytes(id, b));
            Assert.True(a.AsSpan(0, n).SequenceEqual(b.AsSpan(0, n)), $"id {id}");
        }
        // cl100k leaves ids 100261–100275 unused, as the generated class does.
        Assert.Equal(Record.Exception(() => generated.Decode([100_261]))?.GetType(), Record.Exception(() => loaded.Decode([100_261]))?.GetType());
        Assert.Throws<ArgumentOutOfRangeException>(() => loaded.Decode([generated.VocabularySize]));
    }

    [Fact]
    public void ALoadedTokenizerIsSharedAcrossThreads()
    {
        ITokenizer loaded = Loaded("gpt2"), generated = OpenAIEncodings.Get("gpt2");
        var texts = Enumerable.Range(0, 2_000).Select(i => $"{i} text number {i}: it's {new string('x', i % 50)} done <|endoftext|>").ToArray();
        var batch = loaded.EncodeBatch(texts, SpecialTokenPolicy.All);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(generated.EncodeToIds(texts[i], SpecialTokenPolicy.All), batch[i]);
    }
}
