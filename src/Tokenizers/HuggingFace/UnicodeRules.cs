using System;
using System.Globalization;
using System.Text;
using Tokenizers.PreTokenization;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The character predicates Hugging Face's Rust code uses, on code points (a lone surrogate reads as U+FFFD, which
/// is what Hugging Face sees after UTF-8 conversion).
/// </summary>
internal static class UnicodeRules
{
    /// <summary>
    /// Rust regex's Unicode <c>\w</c> (added tokens' <c>single_word</c>): Alphabetic, marks, Nd, Pc and Join_Control.
    /// Alphabetic is the letters, Nl and Other_Alphabetic, whose members outside the marks are the circled and squared
    /// Latin letters (So).
    /// </summary>
    public static bool IsWordChar(int codePoint)
    {
        if (codePoint is 0x200C or 0x200D) return true;
        switch (CharUnicodeInfo.GetUnicodeCategory(codePoint))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            case UnicodeCategory.OtherSymbol:
                return codePoint is (>= 0x24B6 and <= 0x24E9) or (>= 0x1F130 and <= 0x1F149)
                    or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189);
            default:
                return false;
        }
    }

    /// <summary>Rust's <c>char::is_whitespace</c> and regex <c>\s</c>: White_Space, all of it in the BMP.</summary>
    public static bool IsWhiteSpace(int codePoint) => codePoint < 0x10000 && char.IsWhiteSpace((char)codePoint);

    /// <summary>
    /// Rust's <c>char::is_numeric</c> (the <c>Digits</c> pre-tokenizer): Nd, Nl and No, in Rust's tables, which know
    /// digits newer than .NET's (Unicode 17's, listed here; measured against Hugging Face 0.22.2 on every code point).
    /// </summary>
    public static bool IsNumeric(int codePoint) => codePoint is (>= 0x11DE0 and <= 0x11DE9) or (>= 0x16FF4 and <= 0x16FF6)
        || CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>
    /// The <c>Punctuation</c> pre-tokenizer's <c>is_punc</c>: ASCII punctuation (which includes the ASCII symbols
    /// such as <c>$+&lt;=&gt;^`|~</c>) or a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po) as the
    /// unicode_categories crate has them: its tables are Unicode 9's, so punctuation added since is not punctuation
    /// there (<see cref="s_newPunctuation"/>), and U+166D and U+111C9, punctuation then, still are (measured against
    /// Hugging Face 0.22.2 on every code point).
    /// </summary>
    public static bool IsPunctuation(int codePoint)
    {
        if (codePoint < 0x80) return codePoint is (>= 0x21 and <= 0x2F) or (>= 0x3A and <= 0x40) or (>= 0x5B and <= 0x60) or (>= 0x7B and <= 0x7E);
        if (codePoint is 0x166D or 0x111C9) return true;
        if (CodePointSet.InRanges(s_newPunctuation, codePoint)) return false;
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>Punctuation that .NET knows and the unicode_categories crate does not, as inclusive ranges.</summary>
    private static readonly int[] s_newPunctuation =
    [
        0x61D, 0x61D, 0x9FD, 0x9FD, 0xA76, 0xA76, 0xC77, 0xC77, 0xC84, 0xC84, 0x1B4E, 0x1B4F, 0x1B7D, 0x1B7F,
        0x2E43, 0x2E4F, 0x2E52, 0x2E5D, 0x10D6E, 0x10D6E, 0x10EAD, 0x10EAD, 0x10F55, 0x10F59, 0x10F86, 0x10F89,
        0x113D4, 0x113D5, 0x113D7, 0x113D8, 0x1144B, 0x1144F, 0x1145A, 0x1145B, 0x1145D, 0x1145D, 0x11660, 0x1166C,
        0x116B9, 0x116B9, 0x1183B, 0x1183B, 0x11944, 0x11946, 0x119E2, 0x119E2, 0x11A3F, 0x11A46, 0x11A9A, 0x11A9C,
        0x11A9E, 0x11AA2, 0x11B00, 0x11B09, 0x11BE1, 0x11BE1, 0x11C41, 0x11C45, 0x11C70, 0x11C71, 0x11EF7, 0x11EF8,
        0x11F43, 0x11F4F, 0x11FFF, 0x11FFF, 0x12FF1, 0x12FF2, 0x16D6D, 0x16D6F, 0x16E97, 0x16E9A, 0x16FE2, 0x16FE2,
        0x1E5FF, 0x1E5FF, 0x1E95E, 0x1E95F,
    ];

    /// <summary>The code point that ends just before <paramref name="end"/> (U+FFFD for a lone surrogate).</summary>
    public static int CodePointBefore(ReadOnlySpan<char> text, int end, out int width)
    {
        char c = text[end - 1];
        if (char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(text[end - 2]))
        {
            width = 2;
            return char.ConvertToUtf32(text[end - 2], c);
        }
        width = 1;
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }

    /// <summary>The code point at <paramref name="index"/> (U+FFFD for a lone surrogate).</summary>
    public static int CodePointAt(ReadOnlySpan<char> text, int index, out int width) => CharClass.CodePointAt(text, index, out width);

    /// <summary>
    /// The first surrogate's index, or -1. Not the generic <c>IndexOfAnyInRange&lt;char&gt;</c>: instantiated in this
    /// assembly, its unoptimized first code boxes both bounds on every call (48 B), until the JIT tiers it up.
    /// </summary>
    public static int IndexOfSurrogate(ReadOnlySpan<char> text) => text.IndexOfAny(s_surrogates);

    private static readonly System.Buffers.SearchValues<char> s_surrogates = CharRange(0xD800, 0xE000);

    /// <summary>
    /// The chars [<paramref name="start"/>, <paramref name="end"/>) as SearchValues: the range scans that do not box
    /// their bounds in a process's first calls (see <see cref="IndexOfSurrogate"/>).
    /// </summary>
    public static System.Buffers.SearchValues<char> CharRange(int start, int end)
    {
        var chars = new char[end - start];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)(start + i);
        return System.Buffers.SearchValues.Create(chars);
    }

    /// <summary>
    /// <paramref name="text"/> with every lone surrogate replaced by U+FFFD (one char for one, so positions hold), or
    /// null when it has none: Hugging Face receives UTF-8, where a lone surrogate cannot exist.
    /// </summary>
    public static string? ReplaceLoneSurrogates(ReadOnlySpan<char> text)
    {
        if (IndexOfLoneSurrogate(text, 0) < 0) return null;
        char[] copy = text.ToArray();
        ReplaceLoneSurrogates(copy.AsSpan());
        return new string(copy);
    }

    /// <summary>Makes each lone surrogate of <paramref name="text"/> U+FFFD, in place.</summary>
    public static void ReplaceLoneSurrogates(Span<char> text)
    {
        for (int i = IndexOfLoneSurrogate(text, 0); i >= 0; i = IndexOfLoneSurrogate(text, i + 1)) text[i] = '\uFFFD';
    }

    /// <summary>The first lone surrogate at or after <paramref name="from"/>, which is 0 or just after a lone one; -1 when none.</summary>
    private static int IndexOfLoneSurrogate(ReadOnlySpan<char> text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            int next = IndexOfSurrogate(text[i..]);
            if (next < 0) return -1;
            i += next;
            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])) return i;
            i++;
        }
        return -1;
    }

    /// <summary>Appends the UTF-16 of <paramref name="codePoint"/>.</summary>
    public static void Append(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000) builder.Append((char)codePoint);
        else builder.Append(char.ConvertFromUtf32(codePoint));
    }
}
