using System;

namespace Tokenizers.Compilation;

/// <summary>
/// How byte-pair encoding built two adjacent tokens, read from the split table (per rank, the byte length of the left
/// half of the token's last merge; 0 for a token no merge builds). One algorithm for the table's builder
/// (<see cref="SplitTableBuilder"/>, at build time) and its reader (Tokenizers.Bpe.BacktrackingEncoder, on every
/// encode), each bringing its own token lookups as an <see cref="ITokens"/> struct.
/// </summary>
internal static class MergeBoundary
{
    /// <summary>
    /// The token lookups of <see cref="IsKept{TTokens}"/>, by rank. Implemented by structs: the JIT compiles a copy of
    /// <see cref="IsKept{TTokens}"/> for each and inlines their methods into it, as fast as a hand-written copy.
    /// <c>index</c> is what a lookup reads that its struct cannot hold, a span (a ref struct cannot be a type argument
    /// before .NET 9): the runtime's trie slots. The build time's map is a class, held by its struct; its index is
    /// empty.
    /// </summary>
    public interface ITokens
    {
        /// <summary>
        /// The rank of the token <paramref name="text"/>[a, b), where [a, p) is the left token, and its split (see the
        /// class); -1 when there is none (or none usable), the split then undefined.
        /// </summary>
        int PairRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int a, int p, int b, out int split);

        /// <summary>The rank of the token <paramref name="text"/>[a, p) (the left token once its last merge is undone), and its split.</summary>
        int LeftRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int a, int p, out int split);

        /// <summary>The rank of the token <paramref name="text"/>[p, b) (the right token once its last merge is undone), and its split.</summary>
        int RightRank(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text, int p, int b, out int split);
    }

    /// <summary>
    /// Whether BPE, encoding <paramref name="text"/>[a, b), keeps the boundary at <paramref name="p"/> between token
    /// r1 = [a, p) and token r2 = [p, b), whose splits are s1 and s2: undo the two tokens' merges, the later first, and
    /// check that no pair across the boundary would have merged before them. Such a pair is a token [a, b) whose last
    /// merge joins [a, p) and [p, b), for the a and b of that step; it merges first when it ranks below the merge being
    /// undone (below r1; up to r2, since of two equal ranks the leftmost merges first). The boundary holds once neither
    /// side has a merge. <paramref name="leftIsLongest"/>: no token of the text that starts at a is longer than r1 (the
    /// encoder took r1 as the longest match there), so no pair with r1 whole is a token, and those lookups are skipped
    /// (a fifth of the pair lookups' trie steps on text whose words are new). <paramref name="crossFloor"/>: no token
    /// whose last merge splits it at p ranks below it (<see cref="CrossFloorTable"/>; 0 when unknown), so once the
    /// rank a cross merge must beat falls to it, the boundary holds (a third of the pair lookups on such text).
    /// </summary>
    public static bool IsKept<TTokens>(ReadOnlySpan<uint> index, ReadOnlySpan<char> splits, ReadOnlySpan<byte> text,
        TTokens tokens, int a, int p, int b, int r1, int r2, int s1, int s2, bool leftIsLongest = false, int crossFloor = 0)
        where TTokens : struct, ITokens
    {
        int limit = int.MaxValue;
        while (true)
        {
            if (limit <= crossFloor) return true; // the limit only falls, and no cross merge ranks below the floor
            if (!leftIsLongest)
            {
                int c = tokens.PairRank(index, splits, text, a, p, b, out int split);
                if ((uint)c < (uint)limit && split == p - a) return false;
            }
            if (r1 > r2)
            {
                limit = r1;
                if (s1 == 0)
                {
                    limit = r2 + 1;
                    if (s2 == 0) return true;
                    b = p + s2;
                    r2 = tokens.RightRank(index, splits, text, p, b, out s2);
                }
                else
                {
                    a += s1;
                    leftIsLongest = false; // the left token is now its own right half
                    r1 = tokens.LeftRank(index, splits, text, a, p, out s1);
                }
            }
            else
            {
                limit = r2 + 1;
                if (s2 == 0)
                {
                    limit = r1;
                    if (s1 == 0) return true;
                    a += s1;
                    leftIsLongest = false; // the left token is now its own right half
                    r1 = tokens.LeftRank(index, splits, text, a, p, out s1);
                }
                else
                {
                    b = p + s2;
                    r2 = tokens.RightRank(index, splits, text, p, b, out s2);
                }
            }
        }
    }
}
