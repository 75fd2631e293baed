using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>The per-thread cache of merged words: kept on a word's second miss, emptied by another model.</summary>
public class MergedWordCacheTests
{
    [Fact]
    public void AWordIsKeptOnItsSecondMissOnly()
    {
        var cache = MergedWordCache.For(new object());
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];

        Assert.Equal(-1, cache.TryGet("▁tokens", ids, out uint hash));
        cache.Add("▁tokens", [7, 9], hash);
        Assert.Equal(-1, cache.TryGet("▁tokens", ids, out hash)); // one miss marks it
        cache.Add("▁tokens", [7, 9], hash);

        Assert.Equal(2, cache.TryGet("▁tokens", ids, out _));
        Assert.Equal([7, 9], ids[..2].ToArray());
        Assert.Equal(-1, cache.TryGet("▁token", ids, out _));
    }

    [Fact]
    public void AnotherModelEmptiesIt()
    {
        object first = new(), second = new();
        var cache = MergedWordCache.For(first);
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        for (int i = 0; i < 2; i++)
        {
            cache.TryGet("▁word", ids, out uint hash);
            cache.Add("▁word", [1], hash);
        }
        Assert.Equal(1, cache.TryGet("▁word", ids, out _));

        cache = MergedWordCache.For(second);
        Assert.Equal(-1, cache.TryGet("▁word", ids, out uint again));
        cache.Add("▁word", [2], again); // the first model's miss mark is gone too: not kept yet
        Assert.Equal(-1, cache.TryGet("▁word", ids, out _));
    }

    [Fact]
    public void LongWordsAndLongMergesAreNotKept()
    {
        var cache = MergedWordCache.For(new object());
        Span<int> ids = stackalloc int[64];
        string longWord = new('a', MergedWordCache.MaxChars + 1);
        int[] manyIds = new int[MergedWordCache.MaxIds + 1];
        for (int i = 0; i < 3; i++)
        {
            cache.TryGet(longWord, ids, out uint hash);
            cache.Add(longWord, [1], hash);
            cache.TryGet("▁short", ids, out hash);
            cache.Add("▁short", manyIds, hash);
        }
        Assert.Equal(-1, cache.TryGet(longWord, ids, out _));
        Assert.Equal(-1, cache.TryGet("▁short", ids, out _));
    }
}
