using System;
using System.Collections.Generic;

namespace Tokenizers.Training;

/// <summary>
/// GPT-2's byte-to-unicode alphabet (<c>bytes_to_unicode</c>): every byte is one printable char, so vocab.json and
/// merges.txt can hold any token. Printable Latin-1 bytes stand for themselves; the other 68 take U+0100 onwards.
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] s_byteToChar = BuildByteToChar();

    public static char ToChar(byte b) => s_byteToChar[b];

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = s_byteToChar[bytes[i]];
        return new string(chars);
    }

    /// <summary>Bytes in GPT-2's id order (the order of their chars): GPT-2's vocabulary gives byte <c>ByteOrder[i]</c> id i.</summary>
    public static IReadOnlyList<byte> ByteOrder { get; } = BuildByteOrder();

    private static char[] BuildByteToChar()
    {
        var map = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
        {
            bool printable = (b >= '!' && b <= '~') || (b >= '¡' && b <= '¬') || (b >= '®' && b <= 'ÿ');
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }

    private static byte[] BuildByteOrder()
    {
        var order = new byte[256];
        for (int b = 0; b < 256; b++) order[b] = (byte)b;
        Array.Sort(order, (x, y) => s_byteToChar[x].CompareTo(s_byteToChar[y]));
        return order;
    }
}
