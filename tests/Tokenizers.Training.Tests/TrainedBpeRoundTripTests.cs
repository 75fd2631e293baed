using Tokenizers.Bpe;

namespace Tokenizers.Training.Tests;

/// <summary>A vocabulary trained without --seed-compatible (GPT-2 pre-tokenization, a special token) compiles and round-trips.</summary>
public class TrainedBpeRoundTripTests
{
    private readonly VerdictGpt2Bpe _bpe = new();

    [Theory]
    [InlineData("I felt able to face the fact")]
    [InlineData("Jack Gisburn's \"Mrs. Thwing\"--and 1234 more!\n\n  Indented.")]
    [InlineData("Ünïcödé, 日本語, emoji 👍🏽 and a lone \t tab")]
    [InlineData("")]
    public void EncodeDecodeRoundTrips(string text)
    {
        IReadOnlyList<int> ids = _bpe.EncodeToIds(text);
        Assert.Equal(text, _bpe.Decode(ids));
        Assert.All(ids, id => Assert.InRange(id, 0, 598));
    }

    [Fact]
    public void TheCorpusCompressesAndRoundTrips()
    {
        IReadOnlyList<int> ids = _bpe.EncodeToIds(Verdict.Text);
        Assert.Equal(Verdict.Text, _bpe.Decode(ids));
        Assert.True(ids.Count < Verdict.Text.Length / 2, $"{ids.Count} tokens for {Verdict.Text.Length} chars");
    }

    [Fact]
    public void SpecialTokenIsLastAndOnlyRecognisedWhenAllowed()
    {
        Assert.Equal(600, _bpe.VocabularySize);
        Assert.Equal(new SpecialToken("<|endoftext|>", 599), Assert.Single(_bpe.SpecialTokens));
        Assert.Equal([599], _bpe.EncodeToIds("<|endoftext|>", SpecialTokenPolicy.All));
        Assert.DoesNotContain(599, _bpe.EncodeToIds("<|endoftext|>"));
    }

    [Fact]
    public void ByteIdsFollowGpt2Order()
    {
        // GPT-2's vocabulary starts with '!' (0) … '~' (93), and 'Ġ' (a space) is 220.
        Assert.Equal([0], _bpe.EncodeToIds("!"));
        Span<byte> one = stackalloc byte[4];
        Assert.Equal(1, _bpe.DecodeToBytes(220, one));
        Assert.Equal((byte)' ', one[0]);
    }
}
