using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Tokenizers.Cli.Conversion;

/// <summary>
/// GPT-2's byte-to-unicode alphabet (<c>bytes_to_unicode</c>): each byte is one printable char, so a token's bytes
/// become a string with no spaces or newlines that Hugging Face's vocab.json and merges.txt can hold.
/// One char per byte also means string length, slicing and concatenation act on bytes.
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] s_byteToChar = BuildByteToChar();
    private static readonly Dictionary<char, byte> s_charToByte = BuildCharToByte(s_byteToChar);

    /// <summary>The char that stands for each byte, indexed by byte.</summary>
    public static IReadOnlyList<char> Chars => s_byteToChar;

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

    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (!s_charToByte.TryGetValue(text[i], out bytes[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <exception cref="InvalidDataException">A char is outside the alphabet.</exception>
    public static byte[] Decode(string text) =>
        TryDecode(text, out byte[] bytes) ? bytes : throw new InvalidDataException($"'{text}' is not in GPT-2's byte-level alphabet");

    /// <summary>Printable Latin-1 bytes stand for themselves; the other 68 take the chars from U+0100 on, in byte order.</summary>
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

    private static Dictionary<char, byte> BuildCharToByte(char[] byteToChar)
    {
        var map = new Dictionary<char, byte>(256);
        for (int b = 0; b < 256; b++)
        {
            map.Add(byteToChar[b], (byte)b);
        }
        return map;
    }

    /// <summary>Readable form of a byte-level token for messages.</summary>
    internal static string Describe(string token) =>
        TryDecode(token, out byte[] bytes) ? $"'{token}' (base64 {Convert.ToBase64String(bytes)})" : $"'{token}'";

    internal static Encoding Utf8NoBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
