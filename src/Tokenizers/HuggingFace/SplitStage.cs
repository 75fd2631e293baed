using System;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// Hugging Face's <c>NormalizedString::split(pattern, behavior)</c> with <c>invert</c>: the piece is cut into the
/// matches and the gaps between them (Pattern::find_matches; inverted, the two swap roles), which the behavior then
/// keeps, drops or joins. Empty pieces are dropped, as PreTokenizedString::split drops them.
/// </summary>
internal sealed class SplitStage(SplitMatcher matcher, SplitBehavior behavior, bool invert)
{
    public SplitMatcher Matcher => matcher;

    public SplitBehavior Behavior => behavior;

    public bool Invert => invert;

    /// <summary>Adds the pieces of <paramref name="piece"/> to <paramref name="pieces"/>, as ranges of it.</summary>
    public void Split(ReadOnlySpan<char> piece, ref RangeList pieces)
    {
        // find_matches: the gaps and matches in order ((0,0) gap for an empty piece, which yields nothing anyway).
        var splits = new RangeList(16);
        var flags = new RangeList(16);
        try
        {
            int previous = 0;
            var matches = new SplitMatcher.Matches(matcher, piece);
            while (matches.MoveNext(out int start, out int end))
            {
                if (previous != start) Push(ref splits, ref flags, previous, start, invert);
                Push(ref splits, ref flags, start, end, !invert);
                previous = end;
            }
            if (previous != piece.Length) Push(ref splits, ref flags, previous, piece.Length, invert);
            Apply(ref splits, ref flags, ref pieces);
        }
        finally
        {
            splits.Dispose();
            flags.Dispose();
        }
    }

    private static void Push(ref RangeList splits, ref RangeList flags, int start, int end, bool isMatch)
    {
        splits.Add(start, end);
        flags.Add(isMatch ? 1 : 0, 0);
    }

    private void Apply(ref RangeList splits, ref RangeList flags, ref RangeList pieces)
    {
        int n = splits.Count;
        switch (behavior)
        {
            case SplitBehavior.Isolated:
                for (int i = 0; i < n; i++) AddNonEmpty(ref pieces, splits.Start(i), splits.End(i));
                return;
            case SplitBehavior.Removed:
                for (int i = 0; i < n; i++)
                {
                    if (flags.Start(i) == 0) AddNonEmpty(ref pieces, splits.Start(i), splits.End(i));
                }
                return;
        }

        // The folds of normalizer.rs, on a scratch list, then the non-empty results.
        var merged = new RangeList(n);
        try
        {
            bool previousMatch = false;
            if (behavior == SplitBehavior.MergedWithNext)
            {
                // Folded from the end: a match joins the split after it unless that one is a match too.
                for (int i = n - 1; i >= 0; i--)
                {
                    bool isMatch = flags.Start(i) == 1;
                    if (isMatch && !previousMatch && merged.Count > 0) merged.SetStart(merged.Count - 1, splits.Start(i));
                    else merged.Add(splits.Start(i), splits.End(i));
                    previousMatch = isMatch;
                }
                for (int i = merged.Count - 1; i >= 0; i--) AddNonEmpty(ref pieces, merged.Start(i), merged.End(i));
                return;
            }
            for (int i = 0; i < n; i++)
            {
                bool isMatch = flags.Start(i) == 1;
                bool join = behavior == SplitBehavior.Contiguous ? isMatch == previousMatch : isMatch && !previousMatch;
                if (join && merged.Count > 0) merged.SetEnd(merged.Count - 1, splits.End(i));
                else merged.Add(splits.Start(i), splits.End(i));
                previousMatch = isMatch;
            }
            for (int i = 0; i < merged.Count; i++) AddNonEmpty(ref pieces, merged.Start(i), merged.End(i));
        }
        finally
        {
            merged.Dispose();
        }
    }

    private static void AddNonEmpty(ref RangeList pieces, int start, int end)
    {
        if (end > start) pieces.Add(start, end);
    }
}
