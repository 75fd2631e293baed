using System;
using System.Collections.Generic;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The added tokens matched in one pass of Hugging Face's <c>AddedVocabulary::extract_and_normalize</c>: the
/// non-normalized ones, found in the raw input, or the normalized ones, found (by their normalized content) in each
/// normalized piece between the first pass's matches.
/// </summary>
internal sealed class AddedTokenSet
{
    private readonly AddedTokenTrie _trie;

    /// <param name="tokens">The tokens in Hugging Face's order (special ones first, then the others, each in file order).</param>
    /// <param name="patterns">The text each token matches (its content, normalized for the normalized pass).</param>
    public AddedTokenSet(AddedTokenDef[] tokens, IReadOnlyList<string> patterns)
    {
        Tokens = tokens;
        _trie = new AddedTokenTrie(patterns);
    }

    public AddedTokenDef[] Tokens { get; }

    public bool IsEmpty => _trie.IsEmpty;

    public Segments Split(ReadOnlySpan<char> sentence, SpecialTokenPolicy policy) => new(this, sentence, policy);

    /// <summary>
    /// The splits of <c>find_matches</c>, in order: gaps (<c>Id</c> = -1) and added tokens. As in Hugging Face, the
    /// automaton moves on past every match, including one it then drops (a special token the policy leaves as text, a
    /// <c>single_word</c> token inside a word), <c>lstrip</c>/<c>rstrip</c> widen a match over the whitespace beside
    /// it, and empty gaps are not reported.
    /// </summary>
    public ref struct Segments(AddedTokenSet set, ReadOnlySpan<char> sentence, SpecialTokenPolicy policy)
    {
        private readonly ReadOnlySpan<char> _sentence = sentence;
        private int _searchFrom, _startOffset, _pendingStart, _pendingEnd, _pendingId = -1;
        private bool _done;

        /// <summary>The next split: [<paramref name="start"/>, <paramref name="end"/>) and the token id, or -1 for a gap.</summary>
        /// <exception cref="DisallowedSpecialTokenException">A special token that the policy refuses.</exception>
        public bool MoveNext(out int start, out int end, out int id)
        {
            if (_pendingId >= 0)
            {
                (start, end, id) = (_pendingStart, _pendingEnd, _pendingId);
                _pendingId = -1;
                return true;
            }
            ReadOnlySpan<char> s = _sentence;
            while (!_done && set._trie.TryFind(s, _searchFrom, out int matchStart, out int matchLength, out int index))
            {
                int stop = matchStart + matchLength;
                _searchFrom = stop;
                AddedTokenDef token = set.Tokens[index];
                if (token.Special && !policy.IsAllowed(token.Content))
                {
                    if (policy.ThrowsOnDisallowed) throw new DisallowedSpecialTokenException(token.Content, matchStart);
                    continue;
                }
                int tokenStart = matchStart;
                if (token.SingleWord)
                {
                    bool startSpace = tokenStart == 0 || !UnicodeRules.IsWordChar(UnicodeRules.CodePointBefore(s, tokenStart, out _));
                    bool stopSpace = stop == s.Length || !UnicodeRules.IsWordChar(UnicodeRules.CodePointAt(s, stop, out _));
                    if (!startSpace || !stopSpace) continue;
                }
                if (token.LStrip) tokenStart = Math.Max(WhiteSpaceStartBefore(s, tokenStart), _startOffset);
                if (token.RStrip) stop = WhiteSpaceEndAfter(s, stop);
                int gapStart = _startOffset;
                _startOffset = stop;
                if (gapStart < tokenStart)
                {
                    (_pendingStart, _pendingEnd, _pendingId) = (tokenStart, stop, token.Id);
                    (start, end, id) = (gapStart, tokenStart, -1);
                    return true;
                }
                (start, end, id) = (tokenStart, stop, token.Id);
                return true;
            }
            if (!_done)
            {
                _done = true;
                if (_startOffset != s.Length)
                {
                    (start, end, id) = (_startOffset, s.Length, -1);
                    return true;
                }
            }
            start = end = 0;
            id = -1;
            return false;
        }

        /// <summary><c>\s*$</c> on the text before <paramref name="end"/>: where its trailing whitespace starts.</summary>
        private static int WhiteSpaceStartBefore(ReadOnlySpan<char> s, int end)
        {
            while (end > 0 && UnicodeRules.IsWhiteSpace(UnicodeRules.CodePointBefore(s, end, out int width))) end -= width;
            return end;
        }

        /// <summary><c>^\s*</c> on the text from <paramref name="start"/>: where its leading whitespace ends.</summary>
        private static int WhiteSpaceEndAfter(ReadOnlySpan<char> s, int start)
        {
            while (start < s.Length && UnicodeRules.IsWhiteSpace(UnicodeRules.CodePointAt(s, start, out int width))) start += width;
            return start;
        }
    }
}
