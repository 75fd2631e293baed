using System;
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
        var visitor = new PrefixVisitor(maxTokenCount);
        TokenStream.Run(tokenizer, text, policy, ref visitor);
        if (!visitor.Stopped && !visitor.Take()) visitor.Stopped = true;
        tokenCount = visitor.Taken;
        return visitor.Stopped ? visitor.End : text.Length;
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
        var visitor = new SuffixVisitor(total - maxTokenCount);
        TokenStream.Run(tokenizer, text, policy, ref visitor);
        if (visitor.Start < 0)
        {
            tokenCount = 0;
            return text.Length;
        }
        tokenCount = total - visitor.Index;
        return visitor.Start;
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
