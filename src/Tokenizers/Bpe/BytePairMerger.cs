using System;
using System.Buffers;

namespace Tokenizers.Bpe;

/// <summary>
/// Byte-pair merging of one pre-tokenized piece: repeatedly merge the adjacent pair whose concatenation is the
/// lowest-ranked token, leftmost first (tiktoken's rule). Short pieces use tiktoken's quadratic scan, which is the
/// fastest for them; long pieces use a heap, so a megabyte without spaces stays near-linear.
/// Given <c>lastMerges</c> (per rank, the left length of the one merge that builds the token), a pair merges only when
/// it is that merge: Hugging Face's rule, with tokens ranked by the index of that merge.
/// </summary>
internal static class BytePairMerger
{
    private const int ShortPiece = 128;

    /// <summary>
    /// Writes the ranks of <paramref name="piece"/>'s tokens to <paramref name="ranks"/> (length ≥ piece length) and
    /// returns their count. <paramref name="lastMerges"/> is empty for tiktoken's rule, else per rank the left length
    /// of the merge that builds the token.
    /// </summary>
    public static int Merge(DoubleArrayTrie trie, ReadOnlySpan<byte> piece, Span<int> ranks, ReadOnlySpan<char> lastMerges = default)
        => piece.Length <= ShortPiece ? MergeShort(trie, piece, ranks, lastMerges) : MergeLong(trie, piece, ranks, lastMerges);

    /// <summary>
    /// The rank of bytes [start, end), walking on from <paramref name="leftNode"/> that already spells [start, mid);
    /// -1 when they are no token, or, under <paramref name="lastMerges"/>, not a merge at <paramref name="mid"/>.
    /// </summary>
    private static int PairRank(DoubleArrayTrie trie, ReadOnlySpan<byte> piece, int leftNode, int start, int mid, int end, ReadOnlySpan<char> lastMerges, out int node)
    {
        node = trie.Walk(leftNode, piece[mid..end]);
        if (node < 0) return -1;
        int rank = trie.Value(node);
        return lastMerges.IsEmpty || (rank >= 0 && lastMerges[rank] == mid - start) ? rank : -1;
    }

    private static int MergeShort(DoubleArrayTrie trie, ReadOnlySpan<byte> piece, Span<int> ranks, ReadOnlySpan<char> lastMerges)
    {
        int n = piece.Length;
        // Part i spans [start[i], start[i+1]); node[i] is its trie node, pair[i] the rank of part i joined with part i+1.
        Span<int> start = stackalloc int[ShortPiece + 1];
        Span<int> node = stackalloc int[ShortPiece];
        Span<int> pair = stackalloc int[ShortPiece];
        Span<int> pairNode = stackalloc int[ShortPiece];
        for (int i = 0; i < n; i++)
        {
            start[i] = i;
            node[i] = trie.Child(DoubleArrayTrie.Root, piece[i]);
        }
        start[n] = n;
        for (int i = 0; i + 1 < n; i++) pair[i] = PairRank(trie, piece, node[i], i, i + 1, i + 2, lastMerges, out pairNode[i]);

        int parts = n;
        while (parts > 1)
        {
            int best = -1, bestRank = int.MaxValue;
            for (int i = 0; i + 1 < parts; i++)
            {
                int r = pair[i];
                if ((uint)r < (uint)bestRank) { bestRank = r; best = i; }
            }
            if (best < 0) break;

            node[best] = pairNode[best];
            // Remove part best+1 by shifting the tails left.
            int tail = parts - best - 2;
            start.Slice(best + 2, tail + 1).CopyTo(start.Slice(best + 1));
            node.Slice(best + 2, tail).CopyTo(node.Slice(best + 1));
            pair.Slice(best + 2, tail).CopyTo(pair.Slice(best + 1));
            pairNode.Slice(best + 2, tail).CopyTo(pairNode.Slice(best + 1));
            parts--;

            if (best + 1 < parts) pair[best] = PairRank(trie, piece, node[best], start[best], start[best + 1], start[best + 2], lastMerges, out pairNode[best]);
            if (best > 0) pair[best - 1] = PairRank(trie, piece, node[best - 1], start[best - 1], start[best], start[best + 1], lastMerges, out pairNode[best - 1]);
        }

        for (int i = 0; i < parts; i++) ranks[i] = trie.Value(node[i]);
        return parts;
    }

    private static int MergeLong(DoubleArrayTrie trie, ReadOnlySpan<byte> piece, Span<int> ranks, ReadOnlySpan<char> lastMerges)
    {
        int n = piece.Length;
        // Parts are a linked list keyed by start byte: next[s] is the start of the following part, node[s] its trie node.
        int[] nextArr = ArrayPool<int>.Shared.Rent(n + 1);
        int[] prevArr = ArrayPool<int>.Shared.Rent(n);
        int[] nodeArr = ArrayPool<int>.Shared.Rent(n);
        var heap = new PairHeap(n);
        try
        {
            Span<int> next = nextArr.AsSpan(0, n + 1), prev = prevArr.AsSpan(0, n), node = nodeArr.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                next[i] = i + 1;
                prev[i] = i - 1;
                node[i] = trie.Child(DoubleArrayTrie.Root, piece[i]);
            }
            for (int i = 0; i + 1 < n; i++)
            {
                int r = PairRank(trie, piece, node[i], i, i + 1, i + 2, lastMerges, out int pn);
                if (r >= 0) heap.Push(r, i, i + 2, pn);
            }

            while (heap.TryPop(out int rank, out int s, out int end, out int mergedNode))
            {
                // Stale unless parts s and next[s] still exist and together end at `end`.
                if (node[s] < 0) continue;
                int m = next[s];
                if (m >= n || next[m] != end) continue;

                node[s] = mergedNode;
                node[m] = -1;
                next[s] = end;
                if (end < n) prev[end] = s;

                if (end < n)
                {
                    int r = PairRank(trie, piece, mergedNode, s, end, next[end], lastMerges, out int pn);
                    if (r >= 0) heap.Push(r, s, next[end], pn);
                }
                int p = prev[s];
                if (p >= 0)
                {
                    int r = PairRank(trie, piece, node[p], p, s, end, lastMerges, out int pn);
                    if (r >= 0) heap.Push(r, p, end, pn);
                }
                _ = rank;
            }

            int count = 0;
            for (int s = 0; s < n; s = next[s]) ranks[count++] = trie.Value(node[s]);
            return count;
        }
        finally
        {
            heap.Dispose();
            ArrayPool<int>.Shared.Return(nextArr);
            ArrayPool<int>.Shared.Return(prevArr);
            ArrayPool<int>.Shared.Return(nodeArr);
        }
    }
}
