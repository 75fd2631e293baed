using System;
using System.Buffers;
using Tokenizers.Bpe;

namespace Tokenizers.HuggingFace;

/// <summary>
/// Hugging Face's BPE on one piece of a SentencePiece-style model (<c>BPE::merge_word</c> and <c>Word::merge_all</c>):
/// each char is a symbol when it is a token; else its UTF-8 bytes' byte-fallback ids (when all exist), else unk (a
/// run of them one unk with <c>fuse_unk</c>; a pending unk is only written before the next char token or at the end,
/// as merge_word writes it). Then the adjacent pair of char spans whose merge has the lowest index merges, leftmost
/// first, until none is left. Merges are found as in <see cref="BytePairMerger"/>: the two spans' bytes walked in the
/// trie, taken only when the token's one building merge splits it there (the builder's split table). Byte-fallback and
/// unk ids are opaque: the builder refuses merges that name them.
/// </summary>
internal static class CharPairMerger
{
    /// <summary>Pieces of at most this many UTF-8 bytes (nearly every word) merge on the stack by scanning for the lowest pair.</summary>
    private const int SmallBytes = 64;

    /// <summary>Writes the ids of a UTF-8 piece to <paramref name="ids"/> (one per byte at most) and returns their count.</summary>
    public static int Merge(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<int> rankToId, in CharFallback fallback,
        ReadOnlySpan<byte> piece, Span<int> ids)
    {
        int n = piece.Length;
        if (n <= SmallBytes) return MergeSmall(trie, splits, rankToId, fallback, piece, ids);
        int[] startArr = ArrayPool<int>.Shared.Rent(n), endArr = ArrayPool<int>.Shared.Rent(n), nodeArr = ArrayPool<int>.Shared.Rent(n);
        int[] nextArr = ArrayPool<int>.Shared.Rent(n), prevArr = ArrayPool<int>.Shared.Rent(n);
        var heap = new PairHeap(n);
        try
        {
            // A part is a char span with its trie node, or an opaque id (node -1, id in start); merged-away parts have node -2.
            Span<int> start = startArr.AsSpan(0, n), end = endArr.AsSpan(0, n), node = nodeArr.AsSpan(0, n);
            int parts = Symbols(trie, fallback, piece, start, end, node);
            Span<int> next = nextArr.AsSpan(0, parts), prev = prevArr.AsSpan(0, parts);
            for (int i = 0; i < parts; i++)
            {
                next[i] = i + 1;
                prev[i] = i - 1;
            }
            for (int i = 0; i + 1 < parts; i++) PushPair(ref heap, trie, splits, piece, start, end, node, i, i + 1);

            while (heap.TryPop(out _, out int s, out int pairEnd, out int merged))
            {
                // Stale unless parts s and next[s] are still char spans that together end at pairEnd.
                if (node[s] < 0) continue;
                int m = next[s];
                if (m >= parts || node[m] < 0 || end[m] != pairEnd) continue;
                node[s] = merged;
                end[s] = pairEnd;
                node[m] = -2;
                next[s] = next[m];
                if (next[m] < parts) prev[next[m]] = s;
                if (next[s] < parts) PushPair(ref heap, trie, splits, piece, start, end, node, s, next[s]);
                if (prev[s] >= 0) PushPair(ref heap, trie, splits, piece, start, end, node, prev[s], s);
            }

            int count = 0;
            for (int i = 0; i < parts; i = next[i]) ids[count++] = IdOf(trie, rankToId, start[i], node[i]);
            return count;
        }
        finally
        {
            heap.Dispose();
            ArrayPool<int>.Shared.Return(startArr);
            ArrayPool<int>.Shared.Return(endArr);
            ArrayPool<int>.Shared.Return(nodeArr);
            ArrayPool<int>.Shared.Return(nextArr);
            ArrayPool<int>.Shared.Return(prevArr);
        }
    }

    /// <summary>
    /// The same merging for a short piece, with no heap: the parts sit side by side on the stack with the rank of the
    /// pair each starts; each step merges the lowest (the leftmost of equal ones, which are the same pair, as the heap
    /// orders them) and re-ranks the two pairs beside it.
    /// </summary>
    private static int MergeSmall(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<int> rankToId, in CharFallback fallback,
        ReadOnlySpan<byte> piece, Span<int> ids)
    {
        Span<int> start = stackalloc int[SmallBytes], end = stackalloc int[SmallBytes], node = stackalloc int[SmallBytes];
        Span<int> rank = stackalloc int[SmallBytes], merged = stackalloc int[SmallBytes];
        int parts = Symbols(trie, fallback, piece, start, end, node);
        for (int i = 0; i + 1 < parts; i++) rank[i] = PairRank(trie, splits, piece, start, end, node, i, out merged[i]);
        while (parts > 1)
        {
            int best = -1, bestRank = int.MaxValue;
            for (int i = 0; i + 1 < parts; i++)
            {
                if (rank[i] < bestRank)
                {
                    bestRank = rank[i];
                    best = i;
                }
            }
            if (best < 0) break;
            node[best] = merged[best];
            end[best] = end[best + 1];
            int tail = parts - best - 2;
            start.Slice(best + 2, tail).CopyTo(start[(best + 1)..]);
            end.Slice(best + 2, tail).CopyTo(end[(best + 1)..]);
            node.Slice(best + 2, tail).CopyTo(node[(best + 1)..]);
            rank.Slice(best + 2, tail).CopyTo(rank[(best + 1)..]);
            merged.Slice(best + 2, tail).CopyTo(merged[(best + 1)..]);
            parts--;
            if (best + 1 < parts) rank[best] = PairRank(trie, splits, piece, start, end, node, best, out merged[best]);
            if (best > 0) rank[best - 1] = PairRank(trie, splits, piece, start, end, node, best - 1, out merged[best - 1]);
        }
        for (int i = 0; i < parts; i++) ids[i] = IdOf(trie, rankToId, start[i], node[i]);
        return parts;
    }

    /// <summary>The id of a part: its token's, or the opaque id it holds.</summary>
    private static int IdOf(DoubleArrayTrie trie, ReadOnlySpan<int> rankToId, int start, int node)
    {
        if (node == -1) return start;
        int rank = trie.Value(node);
        return rankToId.IsEmpty ? rank : rankToId[rank];
    }

    /// <summary>merge_word's symbols: returns their count.</summary>
    private static int Symbols(DoubleArrayTrie trie, in CharFallback fallback, ReadOnlySpan<byte> piece, Span<int> start, Span<int> end, Span<int> node)
    {
        int unkId = fallback.UnkId;
        bool fuseUnk = fallback.FuseUnk;
        ReadOnlySpan<uint> byteIds = fallback.ByteIds;
        int parts = 0;
        bool unkPending = false;
        for (int s = 0; s < piece.Length;)
        {
            int e = s + SequenceLength(piece[s]);
            int charNode = trie.Walk(DoubleArrayTrie.Root, piece[s..e]);
            if (charNode >= 0 && trie.Value(charNode) >= 0)
            {
                if (unkPending) parts = Opaque(start, end, node, parts, unkId);
                unkPending = false;
                start[parts] = s;
                end[parts] = e;
                node[parts++] = charNode;
            }
            else if (HasAllBytes(byteIds, piece[s..e]))
            {
                // Written at once; a pending unk stays pending, as in merge_word.
                for (int i = s; i < e; i++) parts = Opaque(start, end, node, parts, (int)byteIds[piece[i]] - 1);
            }
            else if (unkId >= 0)
            {
                if (unkPending && !fuseUnk) parts = Opaque(start, end, node, parts, unkId);
                unkPending = true;
            }
            s = e;
        }
        if (unkPending) parts = Opaque(start, end, node, parts, unkId);
        return parts;
    }

    /// <summary>The length of the UTF-8 sequence a lead byte starts (the piece is valid UTF-8: it was encoded from chars).</summary>
    internal static int SequenceLength(byte lead) => lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

    private static bool HasAllBytes(ReadOnlySpan<uint> byteIds, ReadOnlySpan<byte> bytes)
    {
        if (byteIds.IsEmpty) return false;
        foreach (byte b in bytes)
            if (byteIds[b] == 0) return false;
        return true;
    }

    private static int Opaque(Span<int> start, Span<int> end, Span<int> node, int parts, int id)
    {
        start[parts] = id;
        end[parts] = -1;
        node[parts] = -1;
        return parts + 1;
    }

    /// <summary>
    /// The rank of the merge of char spans <paramref name="left"/> and the next (adjacent in the piece), with the
    /// merged token's node, or int.MaxValue when none: the two spans' bytes walked in the trie, taken
    /// only when the token's one building merge splits it there.
    /// </summary>
    private static int PairRank(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<byte> piece,
        ReadOnlySpan<int> start, ReadOnlySpan<int> end, ReadOnlySpan<int> node, int left, out int merged) =>
        PairRank(trie, splits, piece, start, end, node, left, left + 1, out merged);

    private static int PairRank(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<byte> piece,
        ReadOnlySpan<int> start, ReadOnlySpan<int> end, ReadOnlySpan<int> node, int left, int right, out int merged)
    {
        merged = -1;
        if (node[left] < 0 || node[right] < 0) return int.MaxValue;
        int walked = trie.Walk(node[left], piece[start[right]..end[right]]);
        if (walked < 0) return int.MaxValue;
        int rank = trie.Value(walked);
        if (rank < 0 || splits[rank] != end[left] - start[left]) return int.MaxValue;
        merged = walked;
        return rank;
    }

    /// <summary>Queues the merge of char spans <paramref name="left"/> and <paramref name="right"/> (adjacent in the piece) if there is one.</summary>
    private static void PushPair(ref PairHeap heap, DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<byte> piece,
        Span<int> start, Span<int> end, Span<int> node, int left, int right)
    {
        int rank = PairRank(trie, splits, piece, start, end, node, left, right, out int merged);
        if (rank != int.MaxValue) heap.Push(rank, left, end[right], merged);
    }
}
