using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Tests;

/// <summary>The generated code for small fixture vocabularies, snapshotted, compiled and run.</summary>
public class SnapshotTests
{
    private const string HfSource = """
        using Tokenizers;
        namespace Fixtures;
        [GeneratedTokenizer("tiny-hf/vocab.json", "tiny-hf/merges.txt")]
        public partial class TinyHfTokenizer;
        """;

    private const string TiktokenSource = """
        using Tokenizers;
        [GeneratedTokenizer("tiny.tiktoken", PreTokenizer = "none", SpecialTokens = new[] { "<|end|>=300" })]
        internal partial class TinyRankTokenizer;
        """;

    private static void VerifyGenerated(GeneratorDriverRunResult result, string name)
    {
        Assert.Empty(result.Diagnostics);
        var sources = result.Results.Single().GeneratedSources;
        Assert.Equal(2, sources.Length);
        foreach (var source in sources)
            Snapshot.Verify(name + "." + source.HintName.Replace(".g.cs", ""), source.SourceText.ToString());
    }

    [Fact]
    public void HuggingFaceVocabulary()
    {
        var (result, output) = GeneratorHarness.Run(HfSource, GeneratorHarness.Fixture("tiny-hf/vocab.json"), GeneratorHarness.Fixture("tiny-hf/merges.txt"));
        VerifyGenerated(result, "TinyHf");

        var tokenizer = (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("Fixtures.TinyHfTokenizer")!)!;
        // " the" merges Ġ t → Ġt, h e → he, Ġt he → Ġthe; " a" is Ġa; "x" stays a byte.
        int the = 256 + 2, a = 256 + 3;
        Assert.Equal([the, a, 'x' - '!'], tokenizer.EncodeToIds(" the ax"));
        Assert.Equal(" the ax", tokenizer.Decode(tokenizer.EncodeToIds(" the ax")));
        Assert.Equal(261, tokenizer.VocabularySize);
        Assert.Equal([260], tokenizer.EncodeToIds("<|endoftext|>", SpecialTokenPolicy.All));
    }

    [Fact]
    public void TiktokenRankFile()
    {
        var (result, output) = GeneratorHarness.Run(TiktokenSource, GeneratorHarness.Fixture("tiny-tiktoken/tiny.tiktoken"));
        VerifyGenerated(result, "TinyRank");

        var tokenizer = (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("TinyRankTokenizer")!)!;
        // With no pre-tokenizer the whole text is one piece: "abc" is a token; in " ab", "ab" (rank 256) outranks " a" (258).
        Assert.Equal([257], tokenizer.EncodeToIds("abc"));
        Assert.Equal([' ', 256], tokenizer.EncodeToIds(" ab"));
        Assert.Equal([258, 'c'], tokenizer.EncodeToIds(" ac"));
        Assert.Equal("€", tokenizer.Decode(tokenizer.EncodeToIds("€")));
        Assert.Equal([259, 0xAC], tokenizer.EncodeToIds("€"));
        Assert.Equal([300], tokenizer.EncodeToIds("<|end|>", SpecialTokenPolicy.All));
        Assert.Equal(301, tokenizer.VocabularySize);
    }
}
