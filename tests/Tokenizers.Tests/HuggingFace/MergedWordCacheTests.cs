using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>The per-thread cache of merged words: kept on a word's second miss, several words a set, emptied by another model, grown once where words repeat far apart.</summary>
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
    public void Words_that_share_a_set_are_all_kept_up_to_its_ways_and_a_full_set_loses_one()
    {
        var cache = new MergedWordCache();
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        string[] words = SameSet(cache, MergedWordCache.Ways + 1);
        for (int i = 0; i < MergedWordCache.Ways; i++) Keep(cache, words[i], 100 + i);
        for (int i = 0; i < MergedWordCache.Ways; i++)
        {
            Assert.Equal(1, cache.TryGet(words[i], ids, out _));
            Assert.Equal(100 + i, ids[0]);
        }

        Keep(cache, words[^1], 999);
        Assert.Equal(1, cache.TryGet(words[^1], ids, out _));
        Assert.Equal(999, ids[0]);
        int still = 0;
        for (int i = 0; i < MergedWordCache.Ways; i++)
        {
            if (cache.TryGet(words[i], ids, out _) < 0) continue;
            Assert.Equal(100 + i, ids[0]); // whatever stays gives its own ids
            still++;
        }
        Assert.Equal(MergedWordCache.Ways - 1, still);
    }

    [Fact]
    public void A_full_set_loses_the_words_not_used_since_it_filled_before_the_ones_in_use()
    {
        var cache = new MergedWordCache();
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        int ways = MergedWordCache.Ways;
        string[] words = SameSet(cache, ways + 5);
        for (int i = 0; i <= ways; i++) Keep(cache, words[i], i); // the set fills, then the first word leaves
        Assert.Equal(-1, cache.TryGet(words[0], ids, out _));
        for (int i = 1; i <= 3; i++) Assert.Equal(1, cache.TryGet(words[i], ids, out _)); // in use

        for (int i = ways + 1; i < words.Length; i++) Keep(cache, words[i], i);

        for (int i = 1; i < words.Length; i++)
        {
            bool kept = i <= 3 || i >= ways;
            Assert.Equal(kept ? 1 : -1, cache.TryGet(words[i], ids, out _));
            if (kept) Assert.Equal(i, ids[0]);
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> words of the form "▁wN" whose hashes agree in every bit that picks a slot:
    /// one set for the cache, and one slot, where a direct-mapped cache would keep only the last of them.
    /// </summary>
    private static string[] SameSet(MergedWordCache cache, int count)
    {
        var bySet = new Dictionary<int, List<string>>();
        for (int n = 0; ; n++)
        {
            string word = $"▁w{n}";
            int set = cache.SlotBits(word);
            if (!bySet.TryGetValue(set, out var list)) bySet[set] = list = [];
            list.Add(word);
            if (list.Count == count) return [.. list];
        }
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

    [Fact]
    public void ItStepsAsideWhereWordsDoNotRepeatAndLooksAgainAfter()
    {
        var cache = MergedWordCache.For(new object());
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        int lookups = Keep(cache, "▁kept", 5);

        // A window of lookups of which one too few hit: the next BypassLength lookups miss even a kept word, and keep nothing.
        LookUpWindow(cache, "▁kept", MergedWordCache.Window / MergedWordCache.BypassBelow - 1, ref lookups);
        for (int i = 0; i < MergedWordCache.BypassLength; i++)
        {
            Assert.Equal(-1, cache.TryGet("▁kept", ids, out uint hash));
            cache.Add("▁other", [9], hash);
            cache.Add("▁other", [9], hash);
        }
        Assert.Equal(1, cache.TryGet("▁kept", ids, out _));
        Assert.Equal(-1, cache.TryGet("▁other", ids, out _));
    }

    [Fact]
    public void StepsAsideCountsTheWordsItWouldLookUpOnly()
    {
        var cache = MergedWordCache.For(new object());
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        int lookups = Keep(cache, "▁kept", 5);
        Assert.False(cache.StepsAside("▁kept".Length)); // it looks words up

        LookUpWindow(cache, "▁kept", MergedWordCache.Window / MergedWordCache.BypassBelow - 1, ref lookups);
        // Words it would not keep (empty, too long) pass it by without counting.
        Assert.False(cache.StepsAside(0));
        Assert.False(cache.StepsAside(MergedWordCache.MaxChars + 1));
        for (int i = 0; i < MergedWordCache.BypassLength; i++) Assert.True(cache.StepsAside(MergedWordCache.MaxChars));
        Assert.False(cache.StepsAside(1));
        Assert.Equal(1, cache.TryGet("▁kept", ids, out _));
    }

    [Fact]
    public void Each_window_in_a_row_that_misses_doubles_the_words_it_steps_aside_for_up_to_a_limit()
    {
        Assert.True(MergedWordCache.MaxBypassLength > 2 * MergedWordCache.BypassLength);
        var cache = MergedWordCache.For(new object());
        int lookups = Keep(cache, "▁kept", 5);
        int few = MergedWordCache.Window / MergedWordCache.BypassBelow - 1;
        int expected = MergedWordCache.BypassLength;
        for (int run = 0; run < 5; run++)
        {
            LookUpWindow(cache, "▁kept", few, ref lookups);
            Assert.Equal(expected, WordsSteppedAside(cache));
            expected = Math.Min(2 * expected, MergedWordCache.MaxBypassLength);
        }
        Assert.Equal(MergedWordCache.MaxBypassLength, expected);

        // A window in which enough lookups hit: it stays, and the next window that misses steps aside for the first length again.
        LookUpWindow(cache, "▁kept", few + 1, ref lookups);
        Assert.Equal(0, WordsSteppedAside(cache));
        LookUpWindow(cache, "▁kept", few, ref lookups);
        Assert.Equal(MergedWordCache.BypassLength, WordsSteppedAside(cache));
    }

    /// <summary>How many words in a row the cache steps aside for, from now.</summary>
    private static int WordsSteppedAside(MergedWordCache cache)
    {
        int words = 0;
        while (words <= MergedWordCache.MaxBypassLength && cache.StepsAside(1)) words++;
        return words;
    }

    [Fact]
    public void ItStaysWhereEnoughLookupsHit()
    {
        var cache = MergedWordCache.For(new object());
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        int lookups = Keep(cache, "▁kept", 5);
        for (int window = 1; window <= 3; window++)
            LookUpWindow(cache, "▁kept", MergedWordCache.Window / MergedWordCache.BypassBelow, ref lookups);
        Assert.Equal(1, cache.TryGet("▁kept", ids, out _));
    }

    [Theory]
    [InlineData(MergedWordCache.GrowFrom, true)] // a quarter of the lookups hit: words repeat beyond its reach
    [InlineData(MergedWordCache.GrowBelow - 1, true)]
    [InlineData(MergedWordCache.GrowFrom - 1, false)] // too few hits for more room to pay
    [InlineData(MergedWordCache.GrowBelow, false)] // seven in eight hit: it holds what repeats already
    public void It_grows_once_where_words_repeat_further_apart_than_it_holds(int hits, bool grows)
    {
        var cache = new MergedWordCache();
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        int lookups = Keep(cache, "▁kept", 5);
        LookUpWindow(cache, "▁kept", hits, ref lookups);

        Assert.Equal(grows ? MergedWordCache.LargeSlots : MergedWordCache.SmallSlots, cache.Slots);
        // Grown, it starts empty and keeps words as before.
        Assert.Equal(grows ? -1 : 1, cache.TryGet("▁kept", ids, out _));
        lookups += 1 + Keep(cache, "▁again", 6);
        Assert.Equal(1, cache.TryGet("▁again", ids, out _));
        Assert.Equal([6], ids[..1].ToArray());
        lookups++;

        // A window that qualifies grows the small one; the large one grows no further.
        LookUpWindow(cache, "▁again", MergedWordCache.GrowFrom, ref lookups);
        Assert.Equal(MergedWordCache.LargeSlots, cache.Slots);
    }

    /// <summary>
    /// Looks up the kept word <paramref name="hits"/> times (each a hit), then new words (each a miss) until the window
    /// that <paramref name="lookups"/> is in is full.
    /// </summary>
    private static void LookUpWindow(MergedWordCache cache, string kept, int hits, ref int lookups)
    {
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        for (int i = 0; i < hits; i++, lookups++) Assert.Equal(1, cache.TryGet(kept, ids, out _));
        int windowEnd = (lookups / MergedWordCache.Window + 1) * MergedWordCache.Window;
        for (; lookups < windowEnd; lookups++) Assert.Equal(-1, cache.TryGet($"▁w{lookups}", ids, out _));
    }

    /// <summary>Keeps a word (two misses); returns the lookups made.</summary>
    private static int Keep(MergedWordCache cache, string word, int id)
    {
        Span<int> ids = stackalloc int[MergedWordCache.MaxIds];
        for (int i = 0; i < 2; i++)
        {
            cache.TryGet(word, ids, out uint hash);
            cache.Add(word, [id], hash);
        }
        return 2;
    }
}
