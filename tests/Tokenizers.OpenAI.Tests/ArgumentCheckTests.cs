namespace Tokenizers.OpenAI.Tests;

/// <summary>Issue 12 §7 on the shipped encodings: null arguments throw ArgumentNullException; a gap id is named.</summary>
public class ArgumentCheckTests
{
    private static readonly Cl100kBaseTokenizer s_cl100k = new();

    [Fact]
    public void NullArgumentsThrowArgumentNullException()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => s_cl100k.EncodeToIds(null!)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => s_cl100k.EncodeToIds("a", null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => s_cl100k.CountTokens((string)null!)).ParamName);
        Assert.Equal("ids", Assert.Throws<ArgumentNullException>(() => s_cl100k.Decode(null!)).ParamName);
    }

    [Fact]
    public void DecodingCl100kGapIdNamesIt()
    {
        // cl100k_base has no token 100256: its ranks end at 100255 and its first special token is 100257.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s_cl100k.Decode([100, 100256]));
        Assert.Equal(100256, e.ActualValue);
        Assert.StartsWith("Token id 100256 is not in the vocabulary", e.Message, StringComparison.Ordinal);
    }
}
