using System;
using System.Runtime.CompilerServices;

namespace Tokenizers.Bpe;

/// <summary>
/// The longest token at the start of a piece, found by a caller's walk over the whole piece, so that the backtracking
/// encoder, whose first step is that match, need not walk the piece again (<see cref="BacktrackingEncoder.Encode(DoubleArrayTrie, ReadOnlySpan{char}, ReadOnlySpan{byte}, Span{int}, in FirstMatch)"/>).
/// The default value is unknown: the encoder then walks for it itself.
/// </summary>
internal readonly struct FirstMatch(int token, int length, int node)
{
    /// <summary>Whether the walk was done (else the encoder does it).</summary>
    public bool IsKnown => Length != 0;

    /// <summary>The token's rank, or -1 when no token starts the piece.</summary>
    public readonly int Token = token;

    /// <summary>Its length in bytes (-1 when there is none, 0 when unknown).</summary>
    public readonly int Length = length;

    /// <summary>Its trie node.</summary>
    public readonly int Node = node;

    /// <summary>
    /// Walks the whole piece (not empty): the longest token with a rank (a value ≥ 0) that starts it, and in
    /// <paramref name="wholeValue"/> the trie value of the whole piece (-1 when the walk leaves the trie first), so that
    /// a token only a whole piece may be (a negative value) is found by the same walk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FirstMatch Find(DoubleArrayTrie trie, ReadOnlySpan<byte> piece, out int wholeValue)
    {
        int node = DoubleArrayTrie.Root, best = -1, length = -1, bestNode = -1, value = -1;
        for (int i = 0; i < piece.Length; i++)
        {
            node = trie.Child(node, piece[i]);
            if (node < 0)
            {
                value = -1;
                break;
            }
            value = trie.Value(node);
            if (value >= 0)
            {
                best = value;
                length = i + 1;
                bestNode = node;
            }
        }
        wholeValue = value;
        return new FirstMatch(best, length, bestNode);
    }
}
