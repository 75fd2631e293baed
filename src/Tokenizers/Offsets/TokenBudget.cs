using System;
using System.Buffers;
using System.Collections.Generic;

namespace Tokenizers.Offsets;

/// <summary>
/// The longest prefix or suffix of a text whose tokens fit in a budget, as ML.Tokenizers defines it: tokens are taken
/// in order, and tokens that share a character (one split inside its UTF-8) are taken together or not at all, so the
/// cut falls between tokens and never inside a character. A prefix ends where its last token ends (the whole text when
/// every token fits); a suffix starts where its first token starts (0 when every token fits).
/// </summary>
internal static class TokenBudget
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokenCount"/> is not positive.</exception>
    public static int IndexOfPrefix(ITokenizer tokenizer, ReadOnlySpan<char> text, int maxTokenCount, SpecialTokenPolicy policy, out int tokenCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTokenCount);
        // A few tokens of the budget are left to the walk, so that it takes some and knows where the prefix ends.
        const int Slack = 8;
        int skipped = 0;
        bool restFits = false;
        int skippedChars = maxTokenCount <= Slack ? 0 : SkipWhole(tokenizer, text, policy, maxTokenCount - Slack, out skipped, out restFits);
        if (restFits)
        {
            tokenCount = skipped;
            return text.Length;
        }
        var visitor = new PrefixVisitor(maxTokenCount - skipped);
        TokenStream.Run(tokenizer, text[skippedChars..], policy, ref visitor, atTextStart: skippedChars == 0);
        if (!visitor.Stopped && !visitor.Take()) visitor.Stopped = true;
        if (visitor.Stopped && visitor.Taken == 0 && skipped > 0)
        {
            // The prefix ends with the skipped pieces, where their last token ends (not where the encoder stopped,
            // which may be after text no token holds): only a walk from the start knows that.
            visitor = new PrefixVisitor(maxTokenCount);
            TokenStream.Run(tokenizer, text, policy, ref visitor);
            if (!visitor.Stopped && !visitor.Take()) visitor.Stopped = true;
            skippedChars = skipped = 0;
        }
        tokenCount = skipped + visitor.Taken;
        return visitor.Stopped ? skippedChars + visitor.End : text.Length;
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokenCount"/> is not positive.</exception>
    public static int IndexOfSuffix(ITokenizer tokenizer, ReadOnlySpan<char> text, int maxTokenCount, SpecialTokenPolicy policy, out int tokenCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTokenCount);
        int total = tokenizer.CountTokens(text, policy);
        if (total <= maxTokenCount)
        {
            tokenCount = total;
            return 0;
        }
        // The suffix starts at the first token from total - maxTokenCount on that shares no character with the tokens before it.
        int first = total - maxTokenCount;
        int skippedChars = SkipWhole(tokenizer, text, policy, first, out int skipped, out _);
        var visitor = new SuffixVisitor(first - skipped);
        TokenStream.Run(tokenizer, text[skippedChars..], policy, ref visitor, atTextStart: skippedChars == 0);
        if (visitor.Start < 0)
        {
            tokenCount = 0;
            return text.Length;
        }
        tokenCount = total - skipped - visitor.Index;
        return skippedChars + visitor.Start;
    }

    /// <summary>
    /// Skips whole pieces from the start while their ids number at most <paramref name="limit"/>, with the span encoder
    /// (no offsets): returns the chars skipped and, in <paramref name="skipped"/>, their ids. The encoder stops only where
    /// encoding the rest again gives the rest of the ids, a place no token crosses, so the offsets walk starts there
    /// afresh with the same tokens (told it is not at the text's start). <paramref name="restFits"/>: every id fit
    /// (nothing is skipped then). Word lists are walked from the start: an unknown word's extent is found from the
    /// tokens after it.
    /// </summary>
    private static int SkipWhole(ITokenizer tokenizer, ReadOnlySpan<char> text, SpecialTokenPolicy policy, int limit, out int skipped, out bool restFits)
    {
        skipped = 0;
        restFits = false;
        if (tokenizer is WordLevel.IWordLevelModelOwner) return 0;
        int[] buffer = ArrayPool<int>.Shared.Rent(Math.Min(limit, 1 << 14));
        try
        {
            int position = 0;
            while (limit > skipped)
            {
                int room = Math.Min(limit - skipped, buffer.Length);
                OperationStatus status = tokenizer.EncodeToIds(text[position..], buffer.AsSpan(0, room), out int consumed, out int written, policy);
                if (status == OperationStatus.Done)
                {
                    // The rest fits in the room: all of it when the room is the whole budget left, else leave it to the walk.
                    if (room == limit - skipped)
                    {
                        skipped += written;
                        restFits = true;
                        return text.Length;
                    }
                    break;
                }
                if (written == 0) break;
                skipped += written;
                position += consumed;
            }
            return position;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>Takes whole groups of overlapping tokens while they fit; stops the encoding at the first that does not.</summary>
    private struct PrefixVisitor(int budget) : ITokenVisitor
    {
        public int Taken, End;
        public bool Stopped;
        private int _groupCount, _groupEnd;

        public bool Visit(int id, int start, int end)
        {
            if (_groupCount > 0 && start >= _groupEnd && (!Take() || Taken == budget))
            {
                Stopped = true;
                return false;
            }
            _groupCount++;
            _groupEnd = Math.Max(_groupEnd, end);
            return true;
        }

        /// <summary>Takes the group so far; false when it does not fit.</summary>
        public bool Take()
        {
            if (Taken + _groupCount > budget) return false;
            Taken += _groupCount;
            if (_groupCount > 0) End = _groupEnd;
            _groupCount = 0;
            return true;
        }
    }

    private struct SuffixVisitor(int first) : ITokenVisitor
    {
        public int Index, Start = -1;
        private int _seen, _maxEnd;

        public bool Visit(int id, int start, int end)
        {
            int index = _seen++;
            if (index >= first && start >= _maxEnd)
            {
                Index = index;
                Start = start;
                return false;
            }
            _maxEnd = Math.Max(_maxEnd, end);
            return true;
        }
    }

    /// <summary>Collects every token.</summary>
    internal struct ListVisitor(List<TokenOffset> tokens) : ITokenVisitor
    {
        public bool Visit(int id, int start, int end)
        {
            tokens.Add(new TokenOffset(id, start, end - start));
            return true;
        }
    }
}
