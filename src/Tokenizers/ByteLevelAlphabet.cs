using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;

namespace Tokenizers;

// One source for the runtime (public) and, compiled in as shared source, for the netstandard2.0 generator
// (internal there, so an assembly that sees both has one ByteLevelAlphabet to bind to).

/// <summary>
/// GPT-2's byte-to-unicode alphabet (<c>bytes_to_unicode</c>): each byte is one printable char, so a token's bytes
/// become a string with no spaces or newlines that Hugging Face's vocab.json and merges.txt can hold.
/// Printable Latin-1 bytes stand for themselves; the other 68 take the chars from U+0100 on, in byte order.
/// One char per byte also means string length, slicing and concatenation act on bytes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if TOKENIZERS_GENERATOR
internal
#else
public
#endif
static class ByteLevelAlphabet
{
    private static readonly char[] s_byteToChar = BuildByteToChar();

    /// <summary>Byte for each char below U+0100 + 68, or -1 for chars outside the alphabet.</summary>
    private static readonly short[] s_charToByte = BuildCharToByte(s_byteToChar);

    /// <summary>The char that stands for each byte, indexed by byte.</summary>
    public static IReadOnlyList<char> Chars { get; } = Array.AsReadOnly(s_byteToChar);

    /// <summary>Bytes in GPT-2's id order (the order of their chars): GPT-2's vocabulary gives byte <c>ByteOrder[i]</c> id i.</summary>
    public static IReadOnlyList<byte> ByteOrder { get; } = Array.AsReadOnly(BuildByteOrder(s_byteToChar));

    public static char ToChar(byte b) => s_byteToChar[b];

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i] = s_byteToChar[bytes[i]];
        }
        return new string(chars);
    }

    /// <summary>Decodes a byte-level string (a vocab.json key) to bytes; false when a char is outside the alphabet.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= s_charToByte.Length || s_charToByte[c] < 0)
            {
                return false;
            }
            bytes[i] = (byte)s_charToByte[c];
        }
        return true;
    }

    /// <exception cref="InvalidDataException">A char is outside the alphabet.</exception>
    public static byte[] Decode(string text) =>
        TryDecode(text, out byte[] bytes) ? bytes : throw new InvalidDataException($"'{text}' is not in GPT-2's byte-level alphabet");

    private static char[] BuildByteToChar()
    {
        var map = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
        {
            bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }

    private static short[] BuildCharToByte(char[] byteToChar)
    {
        var map = new short[256 + 68];
        for (int c = 0; c < map.Length; c++)
        {
            map[c] = -1;
        }
        for (int b = 0; b < 256; b++)
        {
            map[byteToChar[b]] = (short)b;
        }
        return map;
    }

    private static byte[] BuildByteOrder(char[] byteToChar)
    {
        var order = new byte[256];
        for (int b = 0; b < 256; b++)
        {
            order[b] = (byte)b;
        }
        Array.Sort(order, (x, y) => byteToChar[x].CompareTo(byteToChar[y]));
        return order;
    }
}
