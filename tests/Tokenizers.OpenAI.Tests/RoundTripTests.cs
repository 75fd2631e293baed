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

    [Fact]
    public void LoneSurrogateBecomesReplacementCharacter()
    {
        var tokenizer = new Gpt2Tokenizer();
        Assert.Equal(tokenizer.EncodeToIds("a\uFFFDb"), tokenizer.EncodeToIds("a\uD800b"));
        Assert.Equal("a\uFFFDb", tokenizer.Decode(tokenizer.EncodeToIds("a\uD800b")));
    }
}
