using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tokenizers.PreTokenization;

/// <summary>
/// DeepSeek V3's pre-tokenizer, three Isolated regex Splits in sequence, as one scanner: digits three at a time
/// (<c>\p{N}{1,3}</c>), then runs of CJK (<c>[一-龥぀-ゟ゠-ヿ]+</c>), then, on every piece of those,
/// <c>[!"#$%&amp;'()*+,\-./:;&lt;=&gt;?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// Each Split sees only a piece of the one before, so the third pattern runs on a CJK run alone, or on the text
/// between CJK runs and numbers: where that piece ends (a barrier: a number or CJK char outside a CJK run, any other
/// char inside one) is the end of the text for it, so no match runs across it and <c>(?!\S)</c> holds before it. A
/// digit chunk passes the third pattern whole (nothing in it matches). Where the third pattern matches nowhere
/// (control, format and unassigned chars not followed by a letter), the text up to its next match is a piece of its
/// own, as an Isolated split makes it. Code points as Oniguruma reads them (a lone surrogate is U+FFFD), general
/// categories from the run time's Unicode data, as the compiled patterns take them.
/// </summary>
internal sealed class DeepSeekV3PreTokenizer : PreTokenizer
{
    public static DeepSeekV3PreTokenizer Instance { get; } = new();

    private DeepSeekV3PreTokenizer() { }

    /// <summary>What the third pattern tells apart (it never separates punctuation from symbols).</summary>
    private enum Kind : byte { Letter, Mark, PunctOrSymbol, Newline, Space, Barrier, Other }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start)
    {
        bool inCjk = IsCjk(text[start]);
        int i;
        // (No CJK char is a number.)
        if (CharClass.ClassAt(text, start, out int width) == Cls.Number)
        {
            i = start + width;
            for (int n = 1; n < 3 && i < text.Length && CharClass.ClassAt(text, i, out width) == Cls.Number; n++) i += width;
            return i - start;
        }
        Kind kind = KindAt(text, start, inCjk, out width);
        int match = MatchAt(text, start, inCjk, kind, width);
        if (match > 0) return match;
        // No match here: the gap runs to the next match or barrier.
        for (i = start + width; i < text.Length; i += width)
        {
            kind = KindAt(text, i, inCjk, out width);
            if (kind == Kind.Barrier || MatchAt(text, i, inCjk, kind, width) > 0) break;
        }
        return i - start;
    }

    /// <summary>The length of the third pattern's match at <paramref name="start"/>, a char of <paramref name="kind"/>; 0 when none.</summary>
    private static int MatchAt(ReadOnlySpan<char> text, int start, bool inCjk, Kind kind, int width)
    {
        int next = start + width;
        if (kind == Kind.Letter) return LetterRun(text, next, inCjk) - start;
        int afterWidth = 0;
        Kind after = next < text.Length ? KindAt(text, next, inCjk, out afterWidth) : Kind.Barrier;
        switch (kind)
        {
            case Kind.PunctOrSymbol:
                // An ASCII punctuation char and ASCII letters (never in a CJK run); else a run of punctuation and
                // symbols and its newlines.
                if (text[start] < 0x80 && next < text.Length && IsAsciiLetter(text[next]))
                {
                    int end = next + 1;
                    while (end < text.Length && IsAsciiLetter(text[end])) end++;
                    return end - start;
                }
                return NewlinesAfter(text, Run(text, next, inCjk, PunctOrSymbol), inCjk) - start;
            case Kind.Mark or Kind.Other:
                // The optional prefix char before letters; a mark alone is a letter run of one.
                if (after is Kind.Letter or Kind.Mark) return LetterRun(text, next + afterWidth, inCjk) - start;
                return kind == Kind.Mark ? width : 0;
            case Kind.Newline or Kind.Space:
                if (text[start] == ' ' && after == Kind.PunctOrSymbol)
                    return NewlinesAfter(text, Run(text, next + afterWidth, inCjk, PunctOrSymbol), inCjk) - start;
                // White space other than \r and \n prefixes a letter run too ([^\r\n\p{L}\p{P}\p{S}]?).
                if (kind == Kind.Space && after is Kind.Letter or Kind.Mark) return LetterRun(text, next + afterWidth, inCjk) - start;
                return WhiteSpace(text, start, inCjk);
            default:
                return 0;
        }
    }

    /// <summary><c>\s*[\r\n]+|\s+(?!\S)|\s+</c> at <paramref name="start"/>, a white-space char.</summary>
    private static int WhiteSpace(ReadOnlySpan<char> text, int start, bool inCjk)
    {
        int end = start, lastNewline = -1, last = start;
        while (end < text.Length)
        {
            Kind kind = KindAt(text, end, inCjk, out int width);
            if (kind is not (Kind.Newline or Kind.Space)) break;
            if (kind == Kind.Newline) lastNewline = end;
            last = end;
            end += width;
        }
        if (lastNewline >= 0) return lastNewline + 1 - start;
        // Followed by the end or a barrier, (?!\S) holds after the whole run.
        if (end == text.Length || KindAt(text, end, inCjk, out _) == Kind.Barrier) return end - start;
        // Else it holds one char back, unless that leaves nothing: then \s+ takes the one char.
        return last > start ? last - start : end - start;
    }

    private const int LetterOrMark = 1 << (int)Kind.Letter | 1 << (int)Kind.Mark;
    private const int PunctOrSymbol = 1 << (int)Kind.PunctOrSymbol;

    /// <summary>
    /// The end of the run of letters and marks from <paramref name="i"/>: ASCII letters a char at a time first (most
    /// of a word in Latin text; outside a CJK run, where an ASCII letter is a letter, not a barrier), then any.
    /// </summary>
    private static int LetterRun(ReadOnlySpan<char> text, int i, bool inCjk)
    {
        if (!inCjk)
            while (i < text.Length && IsAsciiLetter(text[i])) i++;
        return Run(text, i, inCjk, LetterOrMark);
    }

    /// <summary>The end of the run of chars of the kinds in <paramref name="kinds"/> from <paramref name="i"/>.</summary>
    private static int Run(ReadOnlySpan<char> text, int i, bool inCjk, int kinds)
    {
        while (i < text.Length && (kinds & 1 << (int)KindAt(text, i, inCjk, out int width)) != 0) i += width;
        return i;
    }

    /// <summary>The end of the newlines from <paramref name="i"/> (none inside a CJK run, which holds none).</summary>
    private static int NewlinesAfter(ReadOnlySpan<char> text, int i, bool inCjk)
    {
        if (inCjk) return i;
        while (i < text.Length && text[i] is '\r' or '\n') i++;
        return i;
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>The second pattern's chars: 一-龥 (U+4E00–U+9FA5), hiragana and katakana (U+3040–U+30FF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCjk(char c) => (uint)(c - 0x4E00) <= 0x9FA5 - 0x4E00 || (uint)(c - 0x3040) <= 0x30FF - 0x3040;

    /// <summary>
    /// The kind of the char at <paramref name="i"/> for the third pattern on the piece it is in: a barrier where that
    /// piece ends (a number or CJK char outside a CJK run, any other char inside one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Kind KindAt(ReadOnlySpan<char> text, int i, bool inCjk, out int width)
    {
        if (IsCjk(text[i]) != inCjk)
        {
            width = 1;
            return Kind.Barrier;
        }
        switch (CharClass.ClassAt(text, i, out width))
        {
            case Cls.Upper or Cls.Lower or Cls.OtherLetter:
                return Kind.Letter;
            case Cls.Mark:
                return Kind.Mark;
            case Cls.Number:
                return Kind.Barrier;
            case Cls.Newline:
                return Kind.Newline;
            case Cls.Space:
                return Kind.Space;
            default:
                return IsPunctuationOrSymbol(CharClass.CodePointAt(text, i, out _)) ? Kind.PunctOrSymbol : Kind.Other;
        }
    }

    /// <summary>\p{P} or \p{S}, among the code points <see cref="CharClass"/> calls other (the rest are controls, format chars, private use and unassigned).</summary>
    private static bool IsPunctuationOrSymbol(int cp) => cp < 0x80
        ? (uint)(cp - '!') <= '~' - '!'
        : (uint)(CharClass.Category(cp) - UnicodeCategory.ConnectorPunctuation) <= UnicodeCategory.OtherSymbol - UnicodeCategory.ConnectorPunctuation;
}
