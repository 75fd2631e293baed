using Microsoft.CodeAnalysis;
using Tokenizers.WordLevel;

namespace Tokenizers.Generator.Tests;

/// <summary>Word lists (one token a line) compile to the notebook's SimpleTokenizerV1 and V2.</summary>
public class WordListGeneratorTests
{
    private const string Words = "!\n\"\n'\n,\n--\n.\nIt\nhe\nlast\npainted\ns\nthe\n<|unk|>\n";

    private static ITokenizer Compile(string attribute, string words = Words, string className = "Words")
    {
        string source = $$"""
            using Tokenizers;
            namespace Fixtures;
            {{attribute}}
            public partial class {{className}};
            """;
        var (result, output) = GeneratorHarness.Run(source, GeneratorHarness.File("words.txt", words));
        Assert.Empty(result.Diagnostics);
        return (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("Fixtures." + className)!)!;
    }

    private static IReadOnlyList<Diagnostic> Diagnose(string attribute, string words)
    {
        string source = $$"""
            using Tokenizers;
            {{attribute}}
            public partial class Words;
            """;
        return GeneratorHarness.Run(source, GeneratorHarness.File("words.txt", words)).Result.Diagnostics;
    }

    [Fact]
    public void WithoutUnknownTokenIsV1()
    {
        var tokenizer = Compile("""[GeneratedTokenizer("words.txt")]""");
        IReadOnlyList<int> ids = tokenizer.EncodeToIds("It's the last he painted.");
        Assert.Equal([6, 2, 10, 11, 8, 7, 9, 5], ids);
        Assert.Equal("It' s the last he painted.", tokenizer.Decode(ids));
        Assert.Equal(13, tokenizer.VocabularySize);

        var e = Assert.Throws<UnknownWordException>(() => tokenizer.EncodeToIds("the last, Hello!"));
        Assert.Equal("Hello", e.Word);
        Assert.Equal(10, e.Position);
        Assert.Contains("'Hello' at character 10", e.Message);
    }

    [Fact]
    public void UnknownTokenIsV2()
    {
        var tokenizer = Compile("""[GeneratedTokenizer("words.txt", UnknownToken = "<|unk|>")]""");
        Assert.Equal([12, 3, 11, 12, 5], tokenizer.EncodeToIds("Hello, the palace."));
        Assert.Equal("<|unk|>, the <|unk|>.", tokenizer.Decode(tokenizer.EncodeToIds("Hello, the palace.")));
    }

    [Fact]
    public void CustomPatternSplitsLikePythonReSplit()
    {
        // Without a group the separators are dropped; the words around them stay.
        var tokenizer = Compile("""[GeneratedTokenizer("words.txt", SplitRegex = @"\s+", UnknownToken = "<|unk|>")]""");
        Assert.Equal([6, 12, 11], tokenizer.EncodeToIds("It painted. the"));
        var grouped = Compile("""[GeneratedTokenizer("words.txt", SplitRegex = @"(,)|\s", UnknownToken = "<|unk|>")]""", className: "Grouped");
        Assert.Equal([11, 3, 8], grouped.EncodeToIds("the,  last"));
    }

    [Fact]
    public void SpanEncodingStopsAtAWord()
    {
        var tokenizer = Compile("""[GeneratedTokenizer("words.txt")]""");
        Span<int> ids = stackalloc int[3];
        var status = tokenizer.EncodeToIds("It's the last", ids, out int consumed, out int written);
        Assert.Equal(System.Buffers.OperationStatus.DestinationTooSmall, status);
        Assert.Equal(3, written);
        Assert.Equal(5, consumed);
        Assert.Equal(5, tokenizer.CountTokens("It's the last".AsSpan()));
    }

    [Fact]
    public void ReportsBrokenWordLists()
    {
        Assert.Equal("TOK004", Assert.Single(Diagnose("""[GeneratedTokenizer("words.txt")]""", "a\nb\na\n")).Id);
        Assert.Equal("TOK017", Assert.Single(Diagnose("""[GeneratedTokenizer("words.txt")]""", "a\n\nb\n")).Id);
        Assert.Equal("TOK018", Assert.Single(Diagnose("""[GeneratedTokenizer("words.txt", UnknownToken = "<unk>")]""", "a\nb\n")).Id);
        Assert.Equal("TOK012", Assert.Single(Diagnose("""[GeneratedTokenizer("words.txt", SplitRegex = "(")]""", "a\n")).Id);
        Assert.Equal("TOK013", Assert.Single(Diagnose("""[GeneratedTokenizer("words.txt", SpecialTokens = new[] { "<s>=2" })]""", "a\n")).Id);
    }
}
