using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tokenizers.PreTokenization;

/// <summary>Code-point classification shared by the scanners (Rust regex semantics: <c>\s</c> is Unicode White_Space).</summary>
internal static class CharClass
{
    /// <summary>Reads the code point at <paramref name="i"/>; a lone surrogate reads as U+FFFD (as tiktoken's UTF-8 conversion does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CodePointAt(ReadOnlySpan<char> text, int i, out int width)
    {
        char c = text[i];
        if (!char.IsSurrogate(c))
        {
            width = 1;
            return c;
        }
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[i + 1]);
        }
        width = 1;
        return 0xFFFD;
    }

    /// <summary>Unicode White_Space, which is what <c>\s</c> means in Rust's regex (and .NET's, for these code points).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhiteSpace(int cp)
    {
        if (cp < 0x80) return cp == ' ' || (uint)(cp - '\t') <= '\r' - '\t';
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (uint)(cp - 0x2000) <= 0x0A
            || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnicodeCategory Category(int cp) => CharUnicodeInfo.GetUnicodeCategory(cp);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(int cp)
    {
        if (cp < 0x80) return (uint)((cp | 0x20) - 'a') <= 'z' - 'a';
        return Category(cp) <= UnicodeCategory.OtherLetter;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNumber(int cp)
    {
        if (cp < 0x80) return (uint)(cp - '0') <= 9;
        var cat = Category(cp);
        return cat is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
