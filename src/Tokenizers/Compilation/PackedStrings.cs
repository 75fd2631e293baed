using System.Collections.Generic;
using System.Text;

namespace Tokenizers.Compilation;

/// <summary>Packs tables into strings, two little-endian bytes a char, the layout Tokenizers.Data.PackedData reads.</summary>
internal static class PackedStrings
{
    public static string FromUInt32(IReadOnlyList<uint> values)
    {
        var sb = new StringBuilder(values.Count * 2);
        foreach (uint v in values) sb.Append((char)(v & 0xFFFF)).Append((char)(v >> 16));
        return sb.ToString();
    }

    public static string FromInt32(IReadOnlyList<int> values)
    {
        var sb = new StringBuilder(values.Count * 2);
        foreach (int v in values) sb.Append((char)(v & 0xFFFF)).Append((char)((uint)v >> 16));
        return sb.ToString();
    }

    public static string FromUInt16(IReadOnlyList<ushort> values)
    {
        var chars = new char[values.Count];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)values[i];
        return new string(chars);
    }

    public static string FromBytes(IReadOnlyList<byte> bytes)
    {
        var sb = new StringBuilder((bytes.Count + 1) / 2);
        for (int i = 0; i < bytes.Count; i += 2)
            sb.Append((char)(bytes[i] | (i + 1 < bytes.Count ? bytes[i + 1] << 8 : 0)));
        return sb.ToString();
    }
}
