using System;
using System.Globalization;
using System.Text;

namespace Tokenizers.Offsets;

/// <summary>
/// Finds each token's chars by walking its bytes along the UTF-8 of the original text, token after token. Where the
/// bytes are the text's (byte-level BPE, tiktoken, added tokens) the walk is exact, a token that ends inside a
/// character covering that character. Where the tokenizer changed the text, the walk follows what tokenizers do: a
/// space or <c>▁</c> in the token against a space or <c>▁</c> in the text is that char (SentencePiece's replacement);
/// one that the text lacks was added (a prefix space, a prepended <c>▁</c>) and covers nothing; text whitespace that
/// no token holds is skipped (word lists, stripped added tokens); any other difference maps code point to code point
/// (a normalizer's lowercase or compatibility form of one char).
/// </summary>
internal ref struct TokenAligner
{
    private const char MetaSpace = '\u2581';

    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private int _matchedBytes;
    private bool _prepended;

    /// <param name="text">The original text.</param>
    /// <param name="prepended">The tokenizer put a space or <c>▁</c> before the text (a <c>Prepend</c> normalizer), even before a space.</param>
    public TokenAligner(ReadOnlySpan<char> text, bool prepended)
    {
        _text = text;
        _position = 0;
        _matchedBytes = 0;
        _prepended = prepended;
    }

    /// <summary>The first char no token has reached yet.</summary>
    public readonly int Position => _position;

    /// <summary>Passes whitespace that no token holds; returns the position after it.</summary>
    public int SkipWhiteSpace()
    {
        if (_matchedBytes == 0)
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
        return _position;
    }

    /// <summary>
    /// Where the token of <paramref name="next"/>'s bytes begins in the text, at or after <paramref name="from"/>:
    /// the end of an unknown token before it (the unknown token's own bytes are not the text's).
    /// </summary>
    public readonly int Find(scoped ReadOnlySpan<byte> next, int from)
    {
        if (next.IsEmpty) return _text.Length;
        int first = DecodeAt(next, 0, out _);
        bool space = first is ' ' or MetaSpace;
        Span<byte> charBytes = stackalloc byte[4];
        for (int i = from; i < _text.Length; i++)
        {
            CharAt(i, charBytes, out int byteCount, out int codePoint);
            if (codePoint == first || (space && codePoint is ' ' or MetaSpace)
                || (first < 0 && charBytes[..byteCount].StartsWith(next[..1])))
                return i;
        }
        return _text.Length;
    }

    /// <summary>Moves to <paramref name="position"/> (after an unknown token).</summary>
    public void MoveTo(int position)
    {
        _position = position;
        _matchedBytes = 0;
    }

    /// <summary>The chars of the next token, given its bytes: <paramref name="start"/> and the index after its last char.</summary>
    public void Next(scoped ReadOnlySpan<byte> token, out int start, out int end)
    {
        start = -1;
        bool added = false;
        Span<byte> charBytes = stackalloc byte[4];
        int i = 0;
        while (i < token.Length && _position < _text.Length)
        {
            int units = CharAt(_position, charBytes, out int byteCount, out int codePoint);
            if (token[i] == charBytes[_matchedBytes])
            {
                if (start < 0) start = _position;
                i++;
                if (++_matchedBytes == byteCount)
                {
                    _position += units;
                    _matchedBytes = 0;
                }
                continue;
            }
            if (_matchedBytes > 0)
            {
                // The token leaves a character it began: that character is its, whatever follows.
                i += SequenceLength(token, i);
                _position += units;
                _matchedBytes = 0;
                continue;
            }
            int tokenCodePoint = DecodeAt(token, i, out int tokenLength);
            bool tokenSpace = tokenCodePoint is ' ' or MetaSpace;
            if (tokenSpace && (codePoint is not (' ' or MetaSpace) || _prepended))
            {
                i += tokenLength; // added by the tokenizer: belongs to the char it precedes
                _prepended = false;
                added = true;
                continue;
            }
            if (!tokenSpace && IsWhiteSpace(codePoint))
            {
                _position += units; // dropped by the tokenizer: no token's
                continue;
            }
            // A char the normalizer changed (case, composition): one cluster, a char and its combining marks, for one.
            if (start < 0) start = _position;
            i += ClusterLength(token, i, tokenLength);
            _position = ClusterEnd(_position + units);
        }
        _prepended = false;
        if (start < 0)
        {
            // Only added text: the span of the char it was added to, as Hugging Face aligns it.
            start = _position;
            end = added && _position < _text.Length ? _position + UnitsAt(_position) : _position;
            return;
        }
        end = _matchedBytes > 0 ? _position + UnitsAt(_position) : _position;
    }

    private static bool IsCombining(int codePoint) => Rune.IsValid(codePoint)
        && Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The byte length of the token's cluster at <paramref name="index"/>, whose first code point is <paramref name="length"/> bytes.</summary>
    private static int ClusterLength(ReadOnlySpan<byte> bytes, int index, int length)
    {
        while (index + length < bytes.Length && IsCombining(DecodeAt(bytes, index + length, out int next))) length += next;
        return length;
    }

    /// <summary>The end of the text's combining marks from <paramref name="index"/> on.</summary>
    private readonly int ClusterEnd(int index)
    {
        while (index < _text.Length)
        {
            char c = _text[index];
            int units = UnitsAt(index);
            int codePoint = units == 2 ? char.ConvertToUtf32(c, _text[index + 1]) : c;
            if (!IsCombining(codePoint)) break;
            index += units;
        }
        return index;
    }

    /// <summary>The UTF-8 of the character at <paramref name="index"/> (a lone surrogate is U+FFFD's, as the encoders read it); returns its UTF-16 length.</summary>
    private readonly int CharAt(int index, Span<byte> bytes, out int byteCount, out int codePoint)
    {
        char c = _text[index];
        int units = 1;
        codePoint = c;
        if (char.IsHighSurrogate(c) && index + 1 < _text.Length && char.IsLowSurrogate(_text[index + 1]))
        {
            codePoint = char.ConvertToUtf32(c, _text[index + 1]);
            units = 2;
        }
        else if (char.IsSurrogate(c))
        {
            codePoint = 0xFFFD;
        }
        byteCount = new Rune(codePoint).EncodeToUtf8(bytes);
        return units;
    }

    private readonly int UnitsAt(int index)
        => char.IsHighSurrogate(_text[index]) && index + 1 < _text.Length && char.IsLowSurrogate(_text[index + 1]) ? 2 : 1;

    private static bool IsWhiteSpace(int codePoint) => Rune.IsValid(codePoint) && Rune.IsWhiteSpace(new Rune(codePoint));

    /// <summary>The code point at <paramref name="index"/> of the token's bytes, or -1 for a byte that starts none (then length 1).</summary>
    private static int DecodeAt(ReadOnlySpan<byte> bytes, int index, out int length)
    {
        if (Rune.DecodeFromUtf8(bytes[index..], out Rune rune, out length) == System.Buffers.OperationStatus.Done) return rune.Value;
        length = 1;
        return -1;
    }

    private static int SequenceLength(ReadOnlySpan<byte> bytes, int index)
    {
        int length = 1;
        while (index + length < bytes.Length && (bytes[index + length] & 0xC0) == 0x80) length++;
        return length;
    }
}
