using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// The split table of the backtracking encoder (the <c>bpe</c> crate of GitHub's rust-gems): for every rank, the byte
/// length of the left half of the last merge that byte-pair encoding makes to build that token from its own bytes, or
/// 0 for a token that no merge of two lower-ranked tokens builds (single bytes). Tokens are visited by rank, and a
/// token's split is its longest prefix token whose pair with the rest is one BPE would really merge across that point
/// (<see cref="MergeBoundary.IsKept{TTokens}"/>, which only needs the splits of lower ranks).
/// Tokenizers.Bpe.BacktrackingEncoder reads it.
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
        // The same table as the runtime reads it, filled in as the ranks go.
        ReadOnlySpan<char> splits = MemoryMarshal.Cast<ushort, char>(split.AsSpan());
        for (int rank = 0; rank <= maxRank; rank++)
        {
            if ((rank & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            byte[]? bytes = byRank[rank];
            if (bytes is null || bytes.Length < 2) continue;
            if (bytes.Length > ushort.MaxValue) return null;
            for (int left = bytes.Length - 1; left >= 1; left--)
            {
                if (!rankOf.TryGetValue(bytes.AsSpan(0, left), out int r1) || r1 >= rank) continue;
                if (!rankOf.TryGetValue(bytes.AsSpan(left), out int r2) || r2 >= rank) continue;
                if (MergeBoundary.IsKept(default, splits, bytes, new KnownTokens(rankOf, rank), 0, left, bytes.Length, r1, r2, splits[r1], splits[r2]))
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
    /// The lookups of <see cref="MergeBoundary.IsKept{TTokens}"/> at build time, in the map of all tokens: only those
    /// ranked below <c>known</c> have splits yet.
    /// </summary>
    private readonly struct KnownTokens(ByteSequenceMap rankOf, int known) : MergeBoundary.ITokens
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int PairRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int a, int p, int b, out int split)
        {
            int c = rankOf.TryGetValue(text.Slice(a, b - a), out int r) && r < known ? r : -1;
            split = c >= 0 ? splits[c] : 0;
            return c;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int LeftRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int a, int p, out int split)
        {
            int rank = rankOf.Get(text.Slice(a, p - a));
            split = splits[rank];
            return rank;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int RightRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int p, int b, out int split)
        {
            int rank = rankOf.Get(text.Slice(p, b - p));
            split = splits[rank];
            return rank;
        }
    }
}
