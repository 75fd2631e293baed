using System;
using System.Runtime.CompilerServices;

namespace Tokenizers.Bpe;

/// <summary>UTF-8 of short pieces, inline: cheaper than a call into System.Text.Encoding for a few chars.</summary>
internal static class Utf8
{
    /// <summary>
    /// Writes the UTF-8 of <paramref name="chars"/> (at most 3 bytes a char) and returns the byte count. A lone
    /// surrogate becomes U+FFFD, as in Encoding.UTF8 and tiktoken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Encode(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        // The ASCII prefix (nearly every piece is all ASCII) narrowed by the runtime's vectorised Ascii.FromUtf16; it
        // stops at the first other char and reports how many it wrote.
        System.Text.Ascii.FromUtf16(chars, bytes, out int i);
        int j = i;
        for (; i < chars.Length; i++)
        {
            int c = chars[i];
            if (c < 0x80)
            {
                bytes[j++] = (byte)c;
            }
            else if (c < 0x800)
            {
                bytes[j] = (byte)(0xC0 | (c >> 6));
                bytes[j + 1] = (byte)(0x80 | (c & 0x3F));
                j += 2;
            }
            else if ((uint)(c - 0xD800) >= 0x800)
            {
                bytes[j] = (byte)(0xE0 | (c >> 12));
                bytes[j + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[j + 2] = (byte)(0x80 | (c & 0x3F));
                j += 3;
            }
            else if (c < 0xDC00 && i + 1 < chars.Length && (uint)(chars[i + 1] - 0xDC00) < 0x400)
            {
                int cp = 0x10000 + ((c - 0xD800) << 10) + (chars[++i] - 0xDC00);
                bytes[j] = (byte)(0xF0 | (cp >> 18));
                bytes[j + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                bytes[j + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                bytes[j + 3] = (byte)(0x80 | (cp & 0x3F));
                j += 4;
            }
            else
            {
                bytes[j] = 0xEF;
                bytes[j + 1] = 0xBF;
                bytes[j + 2] = 0xBD;
                j += 3;
            }
        }
        return j;
    }
}
