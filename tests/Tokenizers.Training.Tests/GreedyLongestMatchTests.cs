using System.Buffers;
using Tokenizers.Bpe;
using Tokenizers.Notebook;

namespace Tokenizers.Training.Tests;

/// <summary>The notebook's greedy encode over a compiled vocabulary, beyond its printed example.</summary>
public class GreedyLongestMatchTests
{
    private readonly GreedyLongestMatchTokenizer _greedy = new(new VerdictSeedBpe());

    [Fact]
    public void ExtendsOnlyWhileTheLongerBytesAreAToken()
    {
        // "ould have " is a token, but greedy growth must pass through tokens at every byte: "o", "ou", "oul", "ould", ...
        IReadOnlyList<int> ids = _greedy.EncodeToIds("ould have ");
        Assert.Equal("ould have ", _greedy.Decode(ids));
        Assert.All(ids, id => Assert.InRange(id, 0, 499));
    }

    [Fact]
    public void SpanEncodingStopsAtACharacterBoundary()
    {
        // "€" is three bytes with no merged token, so three ids that only the first of starts a character.
        string text = "the €";
        IReadOnlyList<int> all = _greedy.EncodeToIds(text);
        int beforeEuro = all.Count - 3;
        Span<int> ids = stackalloc int[all.Count - 1];
        OperationStatus status = _greedy.EncodeToIds(text, ids, out int consumed, out int written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal((4, beforeEuro), (consumed, written));
        Assert.Equal(all.Count, _greedy.CountTokens(text.AsSpan()));
    }
}
