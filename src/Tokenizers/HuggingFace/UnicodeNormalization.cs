using System;
using System.Buffers;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The Unicode normalization forms (UAX #15: decomposition, canonical ordering, canonical composition) over
/// <see cref="NormalizationTables"/>, Hugging Face's Unicode data. .NET's <see cref="string.Normalize()"/> is not used:
/// it leaves every string as it is when the process runs with <c>InvariantGlobalization</c> (the CLI, AOT and
/// container apps), and with ICU it knows characters that Hugging Face's older tables do not.
/// </summary>
internal static class UnicodeNormalization
{
    private const int HangulFirst = 0xAC00, HangulCount = 11172, LFirst = 0x1100, VFirst = 0x1161, TFirst = 0x11A7;
    private const int VCount = 21, TCount = 28, LCount = 19, NCount = VCount * TCount;

    /// <summary>Code points decomposed or reordered on the stack; longer text takes a pooled buffer.</summary>
    private const int StackCodePoints = 128;

    /// <summary>Whether the form (<paramref name="compatibility"/>: NFK*, <paramref name="compose"/>: *C) changes <paramref name="text"/>.</summary>
    public static bool Changes(ReadOnlySpan<char> text, bool compatibility, bool compose)
    {
        var scratch = new PooledChars();
        try
        {
            return TryNormalize(text, compatibility, compose, default, ref scratch);
        }
        finally
        {
            scratch.Dispose();
        }
    }

    /// <summary>
    /// When the form changes <paramref name="text"/>: appends <paramref name="before"/> and then the normalized text to
    /// <paramref name="output"/> and returns true. Otherwise returns false and leaves <paramref name="output"/> as it was.
    /// The text holds no lone surrogate (the caller has made each U+FFFD, as Hugging Face sees it).
    /// </summary>
    public static bool TryNormalize(ReadOnlySpan<char> text, bool compatibility, bool compose, ReadOnlySpan<char> before, ref PooledChars output)
    {
        int capacity = text.Length * 2 + 8;
        int[]? rented = null;
        Span<int> codePoints = capacity <= StackCodePoints ? stackalloc int[StackCodePoints] : (rented = ArrayPool<int>.Shared.Rent(capacity));
        try
        {
            int count = Decompose(text, compatibility, ref codePoints, ref rented);
            Span<int> decomposed = codePoints[..count];
            OrderCanonically(decomposed);
            if (compose) count = Compose(decomposed);
            if (!Differs(text, codePoints[..count])) return false;
            output.Append(before);
            Encode(codePoints[..count], ref output);
            return true;
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>The canonical combining class of a code point (0 for starters and characters Hugging Face does not know).</summary>
    public static int CombiningClass(int codePoint)
        => codePoint < 0x300 ? 0 : Math.Max(0, Find(NormalizationTables.CombiningClassKeys, NormalizationTables.CombiningClassValues, codePoint));

    private static int Decompose(ReadOnlySpan<char> text, bool compatibility, ref Span<int> buffer, ref int[]? rented)
    {
        int count = 0, width;
        for (int i = 0; i < text.Length; i += width)
        {
            int cp = UnicodeRules.CodePointAt(text, i, out width);
            // At most 18 code points come of one (U+FDFA); make room for them first.
            if (count + 32 > buffer.Length) Grow(ref buffer, ref rented, count);
            if ((uint)(cp - HangulFirst) < HangulCount)
            {
                int index = cp - HangulFirst;
                buffer[count++] = LFirst + index / NCount;
                buffer[count++] = VFirst + index % NCount / TCount;
                if (index % TCount != 0) buffer[count++] = TFirst + index % TCount;
                continue;
            }
            ReadOnlySpan<char> mapping = cp < 0xA0 ? default : Mapping(cp, compatibility);
            if (mapping.IsEmpty)
            {
                buffer[count++] = cp;
                continue;
            }
            for (int j = 0; j < mapping.Length; j++)
            {
                int part = mapping[j];
                if (char.IsHighSurrogate(mapping[j])) part = char.ConvertToUtf32(mapping[j], mapping[++j]);
                buffer[count++] = part;
            }
        }
        return count;
    }

    private static void Grow(ref Span<int> buffer, ref int[]? rented, int used)
    {
        int[] larger = ArrayPool<int>.Shared.Rent(buffer.Length * 2);
        buffer[..used].CopyTo(larger);
        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        rented = larger;
        buffer = larger;
    }

    /// <summary>The full decomposition of a code point under the form, or empty when it has none.</summary>
    private static ReadOnlySpan<char> Mapping(int codePoint, bool compatibility)
    {
        int packed = -1;
        if (compatibility) packed = Find(NormalizationTables.CompatibilityKeys, NormalizationTables.CompatibilityValues, codePoint);
        if (packed < 0) packed = Find(NormalizationTables.CanonicalKeys, NormalizationTables.CanonicalValues, codePoint);
        return packed < 0 ? default : NormalizationTables.Decompositions.AsSpan(packed >> 5, packed & 31);
    }

    /// <summary>The value of <paramref name="key"/> in a table of ascending keys and their values, or -1.</summary>
    private static int Find<TKey>(ReadOnlySpan<TKey> keys, ReadOnlySpan<int> values, TKey key) where TKey : IComparable<TKey>
    {
        int index = keys.BinarySearch(key);
        return index < 0 ? -1 : values[index];
    }

    /// <summary>Sorts each run of non-starters by combining class, keeping the order of equal classes.</summary>
    private static void OrderCanonically(Span<int> codePoints)
    {
        for (int i = 1; i < codePoints.Length; i++)
        {
            int cp = codePoints[i];
            int ccc = CombiningClass(cp);
            if (ccc == 0) continue;
            int j = i;
            while (j > 0 && CombiningClass(codePoints[j - 1]) > ccc)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }
            codePoints[j] = cp;
        }
    }

    /// <summary>Canonical composition in place; returns the new length.</summary>
    private static int Compose(Span<int> codePoints)
    {
        int starter = -1, written = 0, lastClass = 0;
        for (int i = 0; i < codePoints.Length; i++)
        {
            int cp = codePoints[i];
            int ccc = CombiningClass(cp);
            // Not blocked: adjacent to the starter, or every char between has a lower, nonzero class (they are sorted).
            bool adjacent = starter == written - 1;
            if (starter >= 0 && (adjacent || (lastClass != 0 && lastClass < ccc)) && Composite(codePoints[starter], cp) is int composite and >= 0)
            {
                codePoints[starter] = composite;
                continue;
            }
            if (ccc == 0) starter = written;
            lastClass = ccc;
            codePoints[written++] = cp;
        }
        return written;
    }

    /// <summary>The primary composite of a pair, or -1.</summary>
    private static int Composite(int first, int second)
    {
        int lIndex = first - LFirst, vIndex = second - VFirst;
        if ((uint)lIndex < LCount && (uint)vIndex < VCount) return HangulFirst + (lIndex * VCount + vIndex) * TCount;
        int sIndex = first - HangulFirst, tIndex = second - TFirst;
        if ((uint)sIndex < HangulCount && sIndex % TCount == 0 && tIndex > 0 && tIndex < TCount) return first + tIndex;
        return Find(NormalizationTables.CompositionKeys, NormalizationTables.CompositionValues, (long)first << 21 | (uint)second);
    }

    private static bool Differs(ReadOnlySpan<char> text, ReadOnlySpan<int> codePoints)
    {
        int at = 0;
        foreach (int cp in codePoints)
        {
            if (at >= text.Length || UnicodeRules.CodePointAt(text, at, out int width) != cp) return true;
            at += width;
        }
        return at != text.Length;
    }

    private static void Encode(ReadOnlySpan<int> codePoints, ref PooledChars output)
    {
        int length = 0;
        foreach (int cp in codePoints) length += cp > 0xFFFF ? 2 : 1;
        Span<char> chars = output.Reserve(length);
        int at = 0;
        foreach (int cp in codePoints)
        {
            if (cp > 0xFFFF)
            {
                chars[at++] = (char)(0xD7C0 + (cp >> 10));
                chars[at++] = (char)(0xDC00 + (cp & 0x3FF));
            }
            else
            {
                chars[at++] = (char)cp;
            }
        }
        output.Advance(length);
    }
}
