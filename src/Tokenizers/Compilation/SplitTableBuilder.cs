using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// The split table of the backtracking encoder (the <c>bpe</c> crate of GitHub's rust-gems): for every rank, the byte
/// length of the left half of the last merge that byte-pair encoding makes to build that token from its own bytes, or
/// 0 for a token that no merge of two lower-ranked tokens builds (single bytes). Tokens are visited by rank, and a
/// token's split is its longest prefix token whose pair with the rest is one BPE would really merge across that point
/// (<see cref="IsValidPair"/>, which only needs the splits of lower ranks). Tokenizers.Bpe.BacktrackingEncoder reads it.
/// The encoder equals merging by rank only when every token of two or more bytes is built by some merge; when one is
/// not (a token ranked below its own halves), <c>Build</c> returns null and the runtime merges by rank.
/// </summary>
internal static class SplitTableBuilder
{
    public static ushort[]? Build(IReadOnlyList<(byte[] Bytes, int Rank, int Id)> tokens, CancellationToken cancellationToken = default)
        => Build(tokens, partial: false, cancellationToken);

    /// <summary>
    /// With <paramref name="partial"/>, a token that no merge builds keeps split 0 and the table goes on: the splits of
    /// the tokens that contain no such token are still exact, since a token's split depends only on its substrings.
    /// Null when a token is longer than a split can say (or, unless partial, when a token is unbuilt).
    /// </summary>
    [MethodImpl(ColdRun.Optimized)]
    public static ushort[]? Build(IReadOnlyList<(byte[] Bytes, int Rank, int Id)> tokens, bool partial, CancellationToken cancellationToken = default)
    {
        int maxRank = -1;
        foreach (var t in tokens) if (t.Rank > maxRank) maxRank = t.Rank;
        var byRank = new byte[]?[maxRank + 1];
        var rankOf = new ByteSequenceMap(tokens.Count);
        foreach (var t in tokens)
        {
            byRank[t.Rank] = t.Bytes;
            rankOf.Set(t.Bytes, t.Rank);
        }

        var split = new ushort[maxRank + 1];
        for (int rank = 0; rank <= maxRank; rank++)
        {
            if ((rank & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            byte[]? bytes = byRank[rank];
            if (bytes is null || bytes.Length < 2) continue;
            if (bytes.Length > ushort.MaxValue) return null;
            for (int left = bytes.Length - 1; left >= 1; left--)
            {
                if (!rankOf.TryGetValue(bytes, 0, left, out int r1) || r1 >= rank) continue;
                if (!rankOf.TryGetValue(bytes, left, bytes.Length, out int r2) || r2 >= rank) continue;
                if (IsValidPair(bytes, 0, left, bytes.Length, r1, r2, rank, rankOf, split))
                {
                    split[rank] = (ushort)left;
                    break;
                }
            }
            if (split[rank] == 0 && !partial) return null; // no merge builds this token
        }
        return split;
    }

    /// <summary>
    /// Whether BPE, encoding <paramref name="text"/>[a, b), keeps the boundary at <paramref name="p"/> between token
    /// r1 = [a, p) and token r2 = [p, b): undo both tokens' merges from the last, and check that no pair across the
    /// boundary would have merged before them. Only tokens ranked below <paramref name="known"/> have splits yet.
    /// </summary>
    [MethodImpl(ColdRun.Optimized)]
    private static bool IsValidPair(byte[] text, int a, int p, int b, int r1, int r2, int known, ByteSequenceMap rankOf, ushort[] split)
    {
        int limit = int.MaxValue;
        while (true)
        {
            if (rankOf.TryGetValue(text, a, b, out int c) && c < known && c < limit && split[c] == p - a) return false;
            if (r1 > r2)
            {
                limit = r1;
                if (split[r1] == 0)
                {
                    limit = r2 + 1;
                    if (split[r2] == 0) return true;
                    b = p + split[r2];
                    r2 = rankOf.Get(text, p, b);
                }
                else
                {
                    a += split[r1];
                    r1 = rankOf.Get(text, a, p);
                }
            }
            else
            {
                limit = r2 + 1;
                if (split[r2] == 0)
                {
                    limit = r1;
                    if (split[r1] == 0) return true;
                    a += split[r1];
                    r1 = rankOf.Get(text, a, p);
                }
                else
                {
                    b = p + split[r2];
                    r2 = rankOf.Get(text, p, b);
                }
            }
        }
    }
}
