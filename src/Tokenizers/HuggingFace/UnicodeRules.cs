using System;
using System.Globalization;
using System.Text;
using Tokenizers.PreTokenization;

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

    /// <summary>Rust's <c>char::is_numeric</c> (the <c>Digits</c> pre-tokenizer): Nd, Nl and No.</summary>
    public static bool IsNumeric(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint)
        is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>
    /// The <c>Punctuation</c> pre-tokenizer's <c>is_punc</c>: ASCII punctuation (which includes the ASCII symbols
    /// such as <c>$+&lt;=&gt;^`|~</c>) or a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po).
    /// </summary>
    public static bool IsPunctuation(int codePoint)
    {
        if (codePoint < 0x80) return codePoint is (>= 0x21 and <= 0x2F) or (>= 0x3A and <= 0x40) or (>= 0x5B and <= 0x60) or (>= 0x7B and <= 0x7E);
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

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
    /// <paramref name="text"/> with every lone surrogate replaced by U+FFFD (one char for one, so positions hold), or
    /// null when it has none: Hugging Face receives UTF-8, where a lone surrogate cannot exist.
    /// </summary>
    public static string? ReplaceLoneSurrogates(ReadOnlySpan<char> text)
    {
        int first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0) return null;
        char[]? copy = null;
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            copy ??= text.ToArray();
            copy[i] = '\uFFFD';
        }
        return copy is null ? null : new string(copy);
    }

    /// <summary>Appends the UTF-16 of <paramref name="codePoint"/>.</summary>
    public static void Append(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000) builder.Append((char)codePoint);
        else builder.Append(char.ConvertFromUtf32(codePoint));
    }
}
