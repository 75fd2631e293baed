using System;
using System.Collections.Generic;

namespace Tokenizers.Training.Words;

/// <summary>
/// Orders strings by Unicode code point, as Python's <c>sorted</c> does. Ordinal UTF-16 order differs only where a
/// surrogate (a character above U+FFFF) meets a character from U+E000 to U+FFFF.
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i], b = y[i];
            if (a == b) continue;
            if (char.IsSurrogate(a) != char.IsSurrogate(b))
            {
                // The surrogate stands for a code point above U+FFFF: above any BMP char from U+E000 up.
                char other = char.IsSurrogate(a) ? b : a;
                if (other >= '\uE000') return char.IsSurrogate(a) ? 1 : -1;
            }
            return a.CompareTo(b);
        }
        return x.Length.CompareTo(y.Length);
    }
}
