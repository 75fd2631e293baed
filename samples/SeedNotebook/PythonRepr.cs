using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SeedNotebook;

/// <summary>Formats values as Python's print shows them, so the output can be compared with the notebook's line by line.</summary>
internal static class PythonRepr
{
    /// <summary><c>[1, 2, 3]</c></summary>
    public static string Ints(IEnumerable<int> values) => "[" + string.Join(", ", values) + "]";

    /// <summary><c>['a', "it's"]</c></summary>
    public static string Strings(IEnumerable<string> values)
    {
        var parts = new List<string>();
        foreach (string value in values) parts.Add(Str(value));
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary><c>[b'for ', b'k ']</c></summary>
    public static string BytesList(IEnumerable<byte[]> values)
    {
        var parts = new List<string>();
        foreach (byte[] value in values) parts.Add(Bytes(value));
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>repr(str): single quotes unless the text has one and no double quote.</summary>
    public static string Str(string value)
    {
        char quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (char c in value)
        {
            if (c == quote || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < ' ' || c == '\x7f') sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>repr(bytes): printable ASCII as itself, other bytes as <c>\xNN</c>.</summary>
    public static string Bytes(ReadOnlySpan<byte> value)
    {
        char quote = value.Contains((byte)'\'') && !value.Contains((byte)'"') ? '"' : '\'';
        var sb = new StringBuilder("b").Append(quote);
        foreach (byte b in value)
        {
            if (b == quote || b == '\\') sb.Append('\\').Append((char)b);
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b == '\t') sb.Append("\\t");
            else if (b < ' ' || b >= 0x7f) sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>len(text): code points, not UTF-16 units.</summary>
    public static int Length(string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++, count++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return count;
    }

    /// <summary>text[:n]: the first <paramref name="n"/> code points.</summary>
    public static string Prefix(string text, int n)
    {
        int i = 0;
        for (int count = 0; i < text.Length && count < n; i++, count++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return text[..i];
    }
}
