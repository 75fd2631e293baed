using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Tokenizers.Compilation;

namespace Tokenizers.Bpe;

/// <summary>
/// Linear-time byte-pair encoding of one piece: the backtracking encoder of the <c>bpe</c> crate (GitHub's rust-gems).
/// Take the longest token at the current position; keep it when BPE would really keep the boundary between it and
/// the previous token (<see cref="MergeBoundary.IsKept{TTokens}"/>), else try the next shorter token there, and when
/// none fits, give the previous token back and mark the position as a dead end. Each step inspects a bounded window,
/// and dead ends are never revisited, so the time is linear in practice (tiktoken's merging is quadratic in the piece
/// length).
/// The result equals tiktoken's merge-by-rank. It needs, per rank, the length of the left half of the token's last
/// merge (<c>splits</c>, precomputed by the generator; 0 for a token no merge builds), carried by the trie's values too
/// (built with the split table), so that a token's rank and split are one load. A boundary check also takes the floor
/// of the boundary's two bytes (<see cref="CrossFloorTable"/>), below which it need not look.
/// </summary>
internal static class BacktrackingEncoder
{
    /// <summary>
    /// Writes the ranks of <paramref name="piece"/>'s tokens to <paramref name="ranks"/> (length ≥ piece length); -1
    /// when a byte is not a token. <paramref name="floors"/>: the vocabulary's <see cref="CrossFloorTable"/>, or empty.
    /// </summary>
    public static unsafe int Encode(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<char> floors, ReadOnlySpan<byte> piece, Span<int> ranks)
    {
        int n = piece.Length;
        const int StackLimit = 256;
        if (n >= StackLimit) return EncodeLong(trie, splits, floors, piece, ranks);
        // Short pieces (nearly all) keep their state on the stack, and the loop runs outside any try block.
        Span<bool> flags = stackalloc bool[StackLimit * 2];
        Span<int> starts = stackalloc int[StackLimit * 2];
        int* path = stackalloc int[StackLimit];
        flags[..(n + 1)].Clear();
        return Run(trie, splits, floors, piece, ranks, flags[..StackLimit], flags[StackLimit..], starts[..StackLimit], starts[StackLimit..], path);
    }

    /// <summary>A piece too long for the stack: the same, in pooled arrays.</summary>
    private static unsafe int EncodeLong(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<char> floors, ReadOnlySpan<byte> piece, Span<int> ranks)
    {
        int n = piece.Length;
        byte[] rentedFlags = ArrayPool<byte>.Shared.Rent(n * 2 + 1);
        int[] rentedStarts = ArrayPool<int>.Shared.Rent(n * 3);
        try
        {
            Span<bool> flags = MemoryMarshal.Cast<byte, bool>(rentedFlags.AsSpan(0, n * 2 + 1));
            flags[..(n + 1)].Clear();
            fixed (int* path = &rentedStarts[n * 2])
                return Run(trie, splits, floors, piece, ranks, flags[..(n + 1)], flags[(n + 1)..], rentedStarts.AsSpan(0, n), rentedStarts.AsSpan(n, n), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rentedFlags);
            ArrayPool<int>.Shared.Return(rentedStarts);
        }
    }

    /// <summary>
    /// The encoder's loop (see the class), over state its caller provides: <paramref name="dead"/>, per position and
    /// the end, whether the position is a dead end (all false at first); per kept token, its start in
    /// <paramref name="starts"/>, its trie node in <paramref name="nodes"/>, so that a pair check walks on from the
    /// left token instead of from the root, and in <paramref name="longest"/> whether it is the longest token the piece
    /// has at its start (a pair check then knows that no longer token starts there). <paramref name="path"/> (room for a
    /// node per byte, on the stack or pinned) holds the nodes of the last walk from the root, by depth: that walk
    /// started where the token in hand starts, so a shorter token there and the right token's left halves in a boundary
    /// check are read from it instead of walked again.
    /// </summary>
    private static unsafe int Run(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<char> floors, ReadOnlySpan<byte> piece, Span<int> ranks,
        Span<bool> dead, Span<bool> longest, Span<int> starts, Span<int> nodes, int* path)
    {
        int n = piece.Length;
        int count = 0, pos = 0;
        int token = LongestMatch(trie, piece, 0, n, out int len, out int node, path);
        // Whether the token in hand is the longest at pos (a match up to the piece's end, not a shorter retry).
        bool full = true;
        while (token >= 0)
        {
            int end = pos + len;
            if (!dead[end] && (count == 0 || MergeBoundary.IsKept(trie.Slots, splits, piece, new TrieTokens(nodes[count - 1], path),
                starts[count - 1], pos, end, ranks[count - 1], token,
                TrieTokens.SplitAt(trie, splits, nodes[count - 1]), TrieTokens.SplitAt(trie, splits, node), longest[count - 1],
                floors.IsEmpty ? 0 : floors[piece[pos - 1] << 8 | piece[pos]])))
            {
                ranks[count] = token;
                nodes[count] = node;
                longest[count] = full;
                starts[count++] = pos;
                pos = end;
                if (pos == n) return count;
                token = LongestMatch(trie, piece, pos, n - pos, out len, out node, path);
                full = true;
                continue;
            }
            full = false;
            if (len > 1)
            {
                token = ShorterMatch(trie, len - 1, out len, out node, path);
                if (token >= 0) continue;
            }
            // No token fits here: the position is a dead end; give the previous token back and try a shorter one.
            dead[pos] = true;
            if (count == 0) return -1;
            int previous = starts[--count];
            len = pos - previous;
            pos = previous;
            token = len > 1 ? LongestMatch(trie, piece, pos, len - 1, out len, out node, path) : -1;
            while (token < 0)
            {
                // The previous token was a single byte: that position is a dead end too.
                dead[pos] = true;
                if (count == 0) return -1;
                previous = starts[--count];
                len = pos - previous;
                pos = previous;
                token = len > 1 ? LongestMatch(trie, piece, pos, len - 1, out len, out node, path) : -1;
            }
        }
        return -1;
    }

    /// <summary>
    /// The rank of the longest token that starts at <paramref name="start"/> and is at most <paramref name="maxLength"/>
    /// bytes, or -1; the nodes it walks go to <paramref name="path"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int LongestMatch(DoubleArrayTrie trie, ReadOnlySpan<byte> piece, int start, int maxLength, out int length, out int bestNode, int* path)
    {
        int node = DoubleArrayTrie.Root, best = -1;
        length = 0;
        bestNode = -1;
        for (int i = 0; i < maxLength; i++)
        {
            node = trie.Child(node, piece[start + i]);
            if (node < 0) break;
            path[i] = node;
            int value = trie.Value(node);
            if (value >= 0)
            {
                best = value;
                length = i + 1;
                bestNode = node;
            }
        }
        return best;
    }

    /// <summary>
    /// The longest token of at most <paramref name="maxLength"/> bytes that starts where the last walk did: a prefix of
    /// the token it found, so its node is in <paramref name="path"/>, and the values read there depend on no walk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int ShorterMatch(DoubleArrayTrie trie, int maxLength, out int length, out int node, int* path)
    {
        for (int i = maxLength - 1; i >= 0; i--)
        {
            int value = trie.Value(path[i]);
            if (value >= 0)
            {
                length = i + 1;
                node = path[i];
                return value;
            }
        }
        length = 0;
        node = -1;
        return -1;
    }

    /// <summary>
    /// The lookups of <see cref="MergeBoundary.IsKept{TTokens}"/> in the trie (its slots are the <c>index</c>), whose
    /// values carry each token's split (the trie is built with the split table). The pair [a, b) is looked up by walking
    /// on from the left token's node over [p, b), and the node follows the left token as its merges are undone.
    /// </summary>
    private unsafe struct TrieTokens(int leftNode, int* path) : MergeBoundary.ITokens
    {
        /// <summary>The split of the token at <paramref name="node"/>, from its stored value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int SplitAt(DoubleArrayTrie trie, ReadOnlySpan<char> splits, int node)
        {
            RankAndSplit(trie, splits, node, out int split);
            return split;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly int PairRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int a, int p, int b, out int split)
        {
            var trie = new DoubleArrayTrie(index);
            int node = trie.Walk(leftNode, text, p, b);
            return node >= 0 ? RankAndSplit(trie, splits, node, out split) : NoToken(out split);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int LeftRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int a, int p, out int split)
        {
            // [a, p) is a token, so the walk cannot fail.
            var trie = new DoubleArrayTrie(index);
            leftNode = trie.Walk(DoubleArrayTrie.Root, text, a, p);
            return RankAndSplit(trie, splits, leftNode, out split);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly int RightRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int p, int b, out int split)
        {
            // [p, b) is a token too, a prefix of the right token, whose walk from the root left its nodes in the path.
            return RankAndSplit(new DoubleArrayTrie(index), splits, path[b - p - 1], out split);
        }

        /// <summary>The rank at a node (negative when no token ends there), and the split its value carries.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int RankAndSplit(DoubleArrayTrie trie, ReadOnlySpan<char> splits, int node, out int split)
        {
            int value = trie.StoredValue(node);
            split = value >> TrieLayout.RankBits;
            int rank = DoubleArrayTrie.RankOf(value);
            if (split == TrieLayout.SplitEscape) split = splits[rank];
            return rank;
        }

        private static int NoToken(out int split)
        {
            split = 0;
            return -1;
        }
    }
}
