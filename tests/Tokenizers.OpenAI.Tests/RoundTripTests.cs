using CsCheck;

namespace Tokenizers.OpenAI.Tests;

/// <summary>decode(encode(s)) == s for generated strings (well-formed UTF-16; lone surrogates are covered elsewhere).</summary>
public class RoundTripTests
{
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789'.,!?-\n\t"], 0, 60],
        Gen.String[Gen.Char, 0, 40].Where(s => !HasLoneSurrogate(s)),
        Gen.String[Gen.Char['\u0400', '\u04FF'], 0, 20],
        Gen.String[Gen.Char['\u4E00', '\u9FFF'], 0, 20]);

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("p50k_base")]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    public void DecodeInvertsEncode(string encoding)
    {
        var tokenizer = OpenAIEncodings.Get(encoding);
        s_text.Sample(s => Assert.Equal(s, tokenizer.Decode(tokenizer.EncodeToIds(s))), iter: 5_000);
    }

    /// <summary>
    /// Every encoding and special-token mode reads a lone surrogate as U+FFFD, as tiktoken's UTF-8 conversion does;
    /// tests/Tokenizers.Fuzz.Tests checks the same strings against the tiktoken core itself (LoneSurrogate*).
    /// </summary>
    [Theory]
    [InlineData("gpt2")]
    [InlineData("r50k_base")]
    [InlineData("p50k_base")]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    public void LoneSurrogatesAreReplacementCharactersInEveryEncoding(string encoding)
    {
        var tokenizer = OpenAIEncodings.Get(encoding);
        string[] texts = ["\uD800", "\uDFFF", "a\uD800b", "\uDC00\uD800", "x\uD83Dy\uDE00z", " \uD83D\uD83D\uDE00 ", "'\uD800s", "<|endoftext|>\uDBFF"];
        foreach (string text in texts)
        {
            string replaced = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));
            Assert.NotEqual(text, replaced);
            Assert.Equal(tokenizer.EncodeToIds(replaced), tokenizer.EncodeToIds(text));
            Assert.Equal(tokenizer.EncodeToIds(replaced, SpecialTokenPolicy.All), tokenizer.EncodeToIds(text, SpecialTokenPolicy.All));
            Assert.Equal(tokenizer.CountTokens(replaced), tokenizer.CountTokens(text));
            Assert.Equal(replaced, tokenizer.Decode(tokenizer.EncodeToIds(text)));
        }
    }

    [Fact]
    public void LoneSurrogateBecomesReplacementCharacter()
    {
        var tokenizer = new Gpt2Tokenizer();
        Assert.Equal(tokenizer.EncodeToIds("a\uFFFDb"), tokenizer.EncodeToIds("a\uD800b"));
        Assert.Equal("a\uFFFDb", tokenizer.Decode(tokenizer.EncodeToIds("a\uD800b")));
    }
}
