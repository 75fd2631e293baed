using CsCheck;
using Tokenizers.Bpe;

namespace Tokenizers.Tests.Bpe;

/// <summary>
/// Issue 12 §4: finding special tokens is linear. Each token's text is searched for again only after its remembered hit
/// is passed, so absent tokens are searched once, not once per hit of another token; and the hits are the ones a fresh
/// search from every position finds.
/// </summary>
public class SpecialTokenSearchTests
{
    private static readonly SpecialToken[] s_specials =
    [
        new("<|endoftext|>", 100257), new("<|fim_prefix|>", 100258), new("<|fim_middle|>", 100259),
        new("<|fim_suffix|>", 100260), new("<|endofprompt|>", 100276), new("<|end|>", 5), new("<|endof", 6),
    ];

    /// <summary>Every (position, token) the search yields, encoding-style: after a hit, go on after its text.</summary>
    private static List<(int At, string Token)> Hits(string text, SpecialTokenPolicy policy, out int searches)
    {
        var hits = new List<(int, string)>();
        var cursor = new SpecialTokenSearch.Cursor(text, s_specials, policy, new int[s_specials.Length]);
        for (int pos = 0; ;)
        {
            int at = cursor.FindAllowed(pos, out var found);
            if (at < 0) break;
            hits.Add((at, found.Text));
            pos = at + found.Text.Length;
        }
        searches = cursor.Searches;
        return hits;
    }

    /// <summary>The definition: from each position, the earliest allowed token, the longest on a tie.</summary>
    private static List<(int At, string Token)> Reference(string text, SpecialTokenPolicy policy)
    {
        var hits = new List<(int, string)>();
        for (int pos = 0; ;)
        {
            int best = -1;
            string? token = null;
            foreach (var s in s_specials)
            {
                if (!policy.IsAllowed(s.Text)) continue;
                int at = text.IndexOf(s.Text, pos, StringComparison.Ordinal);
                if (at >= 0 && (best < 0 || at < best || (at == best && s.Text.Length > token!.Length))) (best, token) = (at, s.Text);
            }
            if (best < 0) return hits;
            hits.Add((best, token!));
            pos = best + token!.Length;
        }
    }

    [Fact]
    public void ManyHitsWithAbsentTokensTakeOneSearchPerOccurrence()
    {
        // 10,000 <|endoftext|> ~1,000 chars apart; the five other tokens never occur.
        string text = string.Concat(Enumerable.Repeat(new string('x', 987) + "<|endoftext|>", 10_000));
        var hits = Hits(text, SpecialTokenPolicy.All, out int searches);
        Assert.Equal(10_000, hits.Count);
        Assert.All(hits, h => Assert.Equal("<|endoftext|>", h.Token));
        // A token is searched for again only once its occurrence is passed: at most once per occurrence, plus once
        // (the search that finds none) — 20,007 here, as "<|endof" occurs in every "<|endoftext|>". Rescanning for every
        // token at every hit would take 70,000 searches, each to the end of the text for the five absent ones.
        int occurrences = s_specials.Sum(s => Occurrences(text, s.Text));
        Assert.Equal(20_000, occurrences);
        Assert.True(searches <= occurrences + s_specials.Length, $"{searches} searches for {occurrences} occurrences");
        Assert.Equal(Reference(text, SpecialTokenPolicy.All), hits);
    }

    private static int Occurrences(string text, string token)
    {
        int count = 0;
        for (int at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public void OverlappingAndTiedTokensAreFoundAsByAFreshSearch()
    {
        var pieces = Gen.OneOfConst("<|endoftext|>", "<|end|>", "<|endof", "<|fim_prefix|>", "<|", "|>", "end", "of", "x", " ", "<|endofprompt|>");
        var policies = Gen.OneOfConst(SpecialTokenPolicy.All, SpecialTokenPolicy.Allow("<|end|>", "<|endof"), SpecialTokenPolicy.Allow("<|endoftext|>"));
        Gen.Select(pieces.Array[0, 60].Select(string.Concat), policies).Sample((text, policy) =>
            Assert.Equal(Reference(text, policy), Hits(text, policy, out _)), iter: 5_000);
    }
}
