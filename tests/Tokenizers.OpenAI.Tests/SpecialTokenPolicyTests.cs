namespace Tokenizers.OpenAI.Tests;

/// <summary>The three special-token modes: ordinary text (default), allowed, and disallowed (throws).</summary>
public class SpecialTokenPolicyTests
{
    private const string Text = "hi<|endoftext|>there<|fim_prefix|>";
    private static readonly Cl100kBaseTokenizer s_cl100k = new();

    [Fact]
    public void ByDefaultSpecialTextIsOrdinaryText()
    {
        var ids = s_cl100k.EncodeToIds(Text);
        Assert.DoesNotContain(100257, ids);
        Assert.DoesNotContain(100258, ids);
        Assert.Equal(Text, s_cl100k.Decode(ids));
    }

    [Fact]
    public void AllRecognisesEverySpecialToken()
    {
        var ids = s_cl100k.EncodeToIds(Text, SpecialTokenPolicy.All);
        Assert.Equal(1, ids.Count(i => i == 100257));
        Assert.Equal(100258, ids[^1]);
        Assert.Equal(Text, s_cl100k.Decode(ids));
    }

    [Fact]
    public void AllowRecognisesOnlyTheListedTokens()
    {
        var ids = s_cl100k.EncodeToIds(Text, SpecialTokenPolicy.Allow("<|fim_prefix|>"));
        Assert.DoesNotContain(100257, ids);
        Assert.Equal(100258, ids[^1]);
    }

    [Fact]
    public void DisallowThrowsNamingTokenAndPosition()
    {
        var e = Assert.Throws<DisallowedSpecialTokenException>(() => s_cl100k.EncodeToIds(Text, SpecialTokenPolicy.Disallow));
        Assert.Equal("<|endoftext|>", e.Token);
        Assert.Equal(2, e.Position);
        Assert.Contains("<|endoftext|>", e.Message);
        Assert.Contains("character 2", e.Message);
    }

    [Fact]
    public void DisallowNamesTheEarliestToken()
    {
        var e = Assert.Throws<DisallowedSpecialTokenException>(() => s_cl100k.CountTokens("a<|fim_prefix|>b<|endoftext|>", SpecialTokenPolicy.Disallow));
        Assert.Equal("<|fim_prefix|>", e.Token);
        Assert.Equal(1, e.Position);
    }

    [Fact]
    public void AllowOnlyThrowsOnTheOthers()
    {
        var e = Assert.Throws<DisallowedSpecialTokenException>(() => s_cl100k.EncodeToIds(Text, SpecialTokenPolicy.AllowOnly("<|endoftext|>")));
        Assert.Equal("<|fim_prefix|>", e.Token);
        Assert.Equal(20, e.Position);
    }

    [Fact]
    public void CountAgreesWithEncode()
    {
        Assert.Equal(s_cl100k.EncodeToIds(Text, SpecialTokenPolicy.All).Count, s_cl100k.CountTokens(Text, SpecialTokenPolicy.All));
        Assert.Equal(s_cl100k.EncodeToIds(Text).Count, s_cl100k.CountTokens(Text));
    }

    [Fact]
    public void DecodingAnUnknownIdThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s_cl100k.Decode([100261]));
        Assert.Contains("100261", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => s_cl100k.Decode([-1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_cl100k.Decode([s_cl100k.VocabularySize]));
    }
}
