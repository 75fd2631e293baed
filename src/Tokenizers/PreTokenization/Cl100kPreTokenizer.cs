using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization;

/// <summary>
/// cl100k_base's pattern as a scanner:
/// <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// Each branch below is tried in the pattern's order; the first that matches wins, as in a backtracking regex.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Cl100kPreTokenizer : PreTokenizer
{
    public static Cl100kPreTokenizer Instance { get; } = new();

    private Cl100kPreTokenizer() { }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start) => NextPieceLength(text, start, maxDigits: 3);

    /// <summary>The pattern with <c>\p{N}{1,maxDigits}</c>: shared with <see cref="Qwen2PreTokenizer"/>, whose <c>\p{N}</c> is one.</summary>
    internal static int NextPieceLength(ReadOnlySpan<char> text, int start, int maxDigits)
    {
        int n = text.Length;
        int length = ContractionLength(text, start);
        if (length > 0) return length;

        Cls first = CharClass.ClassAt(text, start, out int w);
        int i = start + w;

        // [^\r\n\p{L}\p{N}]?\p{L}+
        if ((first & Cls.Letter) != 0) return CharClass.SkipLetters(text, i) - start;
        if ((first & Cls.Prefix) != 0 && i < n && (CharClass.ClassAt(text, i, out int w1) & Cls.Letter) != 0)
            return CharClass.SkipLetters(text, i + w1) - start;

        // \p{N}{1,3}
        if (first == Cls.Number) return NumberEnd(text, i, maxDigits) - start;

        int end = PunctuationEnd(text, start, slash: false);
        if (end > 0) return end - start;
        return WhiteSpaceLength(text, start);
    }

    /// <summary>
    /// <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)</c> at <paramref name="i"/>: its length, or 0. Rust's <c>(?i)</c> uses simple
    /// case folding, under which 's' also matches U+017F 'ſ'; the other letters fold only to their ASCII pair.
    /// </summary>
    internal static int ContractionLength(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length || text[i] != '\'') return 0;
        char d = text[i + 1];
        if (d == '\u017F') return 2;
        d = (char)(d | 0x20); // ASCII to lower case; no other char maps onto a-z
        if (d is 's' or 't' or 'm' or 'd') return 2;
        if (i + 2 >= text.Length) return 0;
        char e = (char)(text[i + 2] | 0x20);
        return ((d is 'r' or 'v') && e == 'e') || (d == 'l' && e == 'l') ? 3 : 0;
    }

    /// <summary>The rest of <c>\p{N}{1,maxDigits}</c> after its first digit, which ends at <paramref name="i"/>.</summary>
    internal static int NumberEnd(ReadOnlySpan<char> text, int i, int maxDigits = 3)
    {
        for (int k = 1; k < maxDigits && i < text.Length && CharClass.ClassAt(text, i, out int w) == Cls.Number; k++) i += w;
        return i;
    }

    /// <summary><c> ?[^\s\p{L}\p{N}]+[\r\n]*</c> (<c>[\r\n/]*</c> with <paramref name="slash"/>): its end, or -1.</summary>
    internal static int PunctuationEnd(ReadOnlySpan<char> text, int start, bool slash)
    {
        int n = text.Length;
        int i = text[start] == ' ' ? start + 1 : start; // without the space the run could not start at a space either
        if (i >= n || (CharClass.ClassAt(text, i, out int w) & Cls.Punct) == 0) return -1;
        i = CharClass.SkipRun(text, i + w, Cls.Punct);
        while (i < n && (text[i] is '\r' or '\n' || (slash && text[i] == '/'))) i++;
        return i;
    }

    /// <summary>
    /// <c>\s*[\r\n]+|\s+(?!\S)|\s+</c> at a white-space code point. The first branch backtracks to the run's last
    /// newline; the second gives the run's last code point back when something follows, so that it can lead the next piece.
    /// </summary>
    internal static int WhiteSpaceLength(ReadOnlySpan<char> text, int start)
    {
        int n = text.Length, i = start, last = start, newlineEnd = -1;
        while (i < n)
        {
            Cls c = CharClass.ClassAt(text, i, out int w);
            if ((c & Cls.WhiteSpace) == 0) break;
            last = i;
            i += w;
            if (c == Cls.Newline) newlineEnd = i;
        }
        if (newlineEnd > 0) return newlineEnd - start;
        if (i < n && last > start) return last - start;
        return i - start;
    }
}
