using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 12 §7: generated classes reject a null text, id list or policy with <see cref="ArgumentNullException"/> naming
/// the parameter (not a NullReferenceException, and not 0 tokens for a null string), and decoding an id that has no
/// token names it.
/// </summary>
public class ArgumentCheckTests
{
    private static ITokenizer Compile(string attribute, AdditionalText file)
    {
        var (result, output) = GeneratorHarness.Run($"using Tokenizers;\n{attribute}\npublic partial class Tok;\n", file);
        Assert.Empty(result.Diagnostics);
        return (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("Tok")!)!;
    }

    public static TheoryData<string> Kinds => ["bpe", "words", "tokenizer.json"];

    private static ITokenizer Of(string kind) => kind switch
    {
        "bpe" => Compile("[GeneratedTokenizer(\"tiny.tiktoken\", PreTokenizer = \"gpt2\", SpecialTokens = new[] { \"<|end|>=300\" })]", GeneratorHarness.Fixture("tiny-tiktoken/tiny.tiktoken")),
        "words" => Compile("[GeneratedTokenizer(\"words.txt\")]", GeneratorHarness.File("words.txt", "a\nb\n")),
        _ => Compile("[GeneratedTokenizer(\"tiny-tokenizer.json\")]", GeneratorHarness.Fixture("tiny-tokenizer.json")),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NullArgumentsThrowArgumentNullException(string kind)
    {
        var t = Of(kind);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => t.EncodeToIds(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => t.EncodeToIds(null!, SpecialTokenPolicy.All)).ParamName);
        Assert.Equal(kind == "tokenizer.json" ? "specialTokens" : "policy", Assert.Throws<ArgumentNullException>(() => t.EncodeToIds("a", null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => t.CountTokens((string)null!)).ParamName);
        Assert.Equal("ids", Assert.Throws<ArgumentNullException>(() => t.Decode(null!)).ParamName);
        // A null policy in the span overloads is the documented default (None).
        Assert.Equal(t.CountTokens("a"), t.CountTokens("a".AsSpan(), null));
    }

    [Fact]
    public void DecodingAGapIdNamesIt()
    {
        // Ranks 0..259 and the special token 300: ids 260..299 have no token.
        var t = Of("bpe");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => t.Decode([97, 270]));
        Assert.Equal(270, e.ActualValue);
        Assert.StartsWith("Token id 270 is not in the vocabulary", e.Message, StringComparison.Ordinal);
    }
}
