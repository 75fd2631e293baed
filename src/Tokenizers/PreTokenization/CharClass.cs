using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tokenizers.PreTokenization;

/// <summary>
/// The classes the tiktoken patterns tell apart, one bit each so that a pattern's character class is a mask.
/// o200k needs cases apart; Lm and Lo count as both upper and lower there, and so do marks.
/// </summary>
[Flags]
internal enum Cls : byte
{
    Upper = 1,       // Lu, Lt
    Lower = 2,       // Ll
    OtherLetter = 4, // Lm, Lo
    Mark = 8,        // Mn, Mc, Me
    Number = 16,     // Nd, Nl, No
    Newline = 32,    // \r, \n
    Space = 64,      // other White_Space
    Other = 128,

    Letter = Upper | Lower | OtherLetter,      // \p{L}
    WhiteSpace = Newline | Space,              // \s
    Prefix = Mark | Space | Other,             // [^\r\n\p{L}\p{N}]
    Punct = Mark | Other,                      // [^\s\p{L}\p{N}]
    UpperLike = Upper | OtherLetter | Mark,    // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
    LowerLike = Lower | OtherLetter | Mark,    // [\p{Ll}\p{Lm}\p{Lo}\p{M}]
}

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

    /// <summary>
    /// <see cref="Classify"/> of each ASCII code point, as constant data (no work at type initialization):
    /// 1 upper, 2 lower, 16 digit, 32 \r \n, 64 other white space, 128 anything else.
    /// </summary>
    private static ReadOnlySpan<byte> Ascii =>
    [
        128, 128, 128, 128, 128, 128, 128, 128, 128, 64, 32, 64, 64, 32, 128, 128,
        128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
        64, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
        16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 128, 128, 128, 128, 128, 128,
        128, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 128, 128, 128, 128, 128,
        128, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 128, 128, 128, 128, 128,
    ];

    /// <summary>Class of the code point at <paramref name="i"/>, with its width in chars.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Cls ClassAt(ReadOnlySpan<char> text, int i, out int width)
    {
        char c = text[i];
        if (c < 0x80)
        {
            width = 1;
            return (Cls)Ascii[c];
        }
        return Classify(CodePointAt(text, i, out width));
    }

    public static Cls Classify(int cp)
    {
        if (cp < 0x80) return (Cls)Ascii[cp];
        // Above ASCII, White_Space is exactly Zs, Zl, Zp and U+0085 (a Cc): the category alone decides.
        UnicodeCategory category = Category(cp);
        if (category == UnicodeCategory.Control) return cp == 0x85 ? Cls.Space : Cls.Other;
        return (Cls)CategoryClasses[(int)category];
    }

    /// <summary>The class of each general category above ASCII, in <see cref="UnicodeCategory"/> order.</summary>
    private static ReadOnlySpan<byte> CategoryClasses =>
    [
        (byte)Cls.Upper, (byte)Cls.Lower, (byte)Cls.Upper, (byte)Cls.OtherLetter, (byte)Cls.OtherLetter, // Lu Ll Lt Lm Lo
        (byte)Cls.Mark, (byte)Cls.Mark, (byte)Cls.Mark,                                                  // Mn Mc Me
        (byte)Cls.Number, (byte)Cls.Number, (byte)Cls.Number,                                            // Nd Nl No
        (byte)Cls.Space, (byte)Cls.Space, (byte)Cls.Space,                                               // Zs Zl Zp
        (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other,             // Cc Cf Cs Co Pc
        (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other,             // Pd Ps Pe Pi Pf
        (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other, (byte)Cls.Other,             // Po Sm Sc Sk So
        (byte)Cls.Other,                                                                                 // Cn
    ];

    /// <summary>End of the run of code points in <paramref name="set"/> that starts at <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipRun(ReadOnlySpan<char> text, int i, Cls set)
    {
        while (i < text.Length && (ClassAt(text, i, out int w) & set) != 0) i += w;
        return i;
    }

    /// <summary>
    /// <see cref="SkipRun"/> for <c>\p{L}</c>: ASCII letters eight chars at a time (a word is mostly one compare and
    /// no branch a letter), then char by char from the first char that is not one (a letter of another script goes on).
    /// </summary>
    public static int SkipLetters(ReadOnlySpan<char> text, int i) => SkipAsciiFirst<AnyCase>(text, i);

    /// <summary>The same for <see cref="Cls.LowerLike"/> (o200k's lower-case runs), over a-z.</summary>
    public static int SkipLowerLike(ReadOnlySpan<char> text, int i) => SkipAsciiFirst<LowerCase>(text, i);

    /// <summary>Which ASCII letters a run takes eight at a time, and the class it goes on with.</summary>
    private interface IAsciiLetters
    {
        /// <summary>0x20 to fold A-Z onto a-z, else 0.</summary>
        static abstract ushort Fold { get; }

        static abstract Cls Set { get; }
    }

    private readonly struct AnyCase : IAsciiLetters
    {
        public static ushort Fold => 0x20;
        public static Cls Set => Cls.Letter;
    }

    private readonly struct LowerCase : IAsciiLetters
    {
        public static ushort Fold => 0;
        public static Cls Set => Cls.LowerLike;
    }

    /// <summary>The run's ASCII letters a vector at a time (a copy of the JIT's for each struct), then <see cref="SkipRun"/>.</summary>
    private static int SkipAsciiFirst<T>(ReadOnlySpan<char> text, int i) where T : struct, IAsciiLetters
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            while (i <= text.Length - Vector128<ushort>.Count)
            {
                // (c | 0x20) - 'a' < 26 exactly for A-Z and a-z, c - 'a' < 26 for a-z; every other char wraps or lands above.
                Vector128<ushort> folded = Vector128.LoadUnsafe(ref first, (nuint)i) | Vector128.Create(T.Fold);
                uint others = ~Vector128.LessThan(folded - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26))
                    .ExtractMostSignificantBits() & 0xFF;
                if (others != 0)
                {
                    i += BitOperations.TrailingZeroCount(others);
                    break;
                }
                i += Vector128<ushort>.Count;
            }
        }
        return SkipRun(text, i, T.Set);
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
