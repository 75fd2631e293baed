using System;
using System.Globalization;
using System.Text;

namespace Tokenizers.Compilation;

/// <summary>Where and why a file is not UTF-8: the offset of the first affected char in the decoded text.</summary>
internal sealed record Utf8Problem(int Offset, string Detail);

/// <summary>
/// Tells whether the compiler could read an additional file as UTF-8. The generator never sees the bytes, only
/// the compiler's decoding of them, so it reads what the decoding reveals. The compiler first decodes strictly as
/// UTF-8 (a decoder that throws on invalid bytes, and the text's <see cref="Encoding"/> says so); when that fails
/// it falls back to the system's default encoding: on .NET, UTF-8 that replaces invalid bytes with U+FFFD; on
/// .NET Framework, the ANSI code page (windows-1252 and the like). A file with a byte-order mark is decoded by its
/// mark, with replacement. So:
/// <list type="bullet">
/// <item>strict UTF-8: the text is exact, and a U+FFFD in it is a real U+FFFD;</item>
/// <item>UTF-8 with replacement: a U+FFFD marks bytes that were not valid (the first one is reported; a real
/// U+FFFD in a file that starts with a UTF-8 byte-order mark cannot be told from one and is reported too);</item>
/// <item>UTF-16 or UTF-32 (a file with that byte-order mark): read correctly, but not UTF-8, so reported;</item>
/// <item>any other encoding: the strict read failed; re-encoding the text gives back the bytes, and the first
/// invalid UTF-8 sequence among them is reported;</item>
/// <item>no encoding (a host that gives text only): nothing can be told, and nothing is reported.</item>
/// </list>
/// </summary>
internal static class Utf8Check
{
    public static Utf8Problem? Find(string text, Encoding? encoding)
    {
        if (encoding is null) return null;
        if (encoding.CodePage is 1200 or 1201 or 12000 or 12001)
            return new Utf8Problem(0, $"it is {encoding.WebName.ToUpperInvariant()} (it starts with that byte-order mark); save it as UTF-8");
        if (encoding.CodePage == 65001)
        {
            if (encoding.DecoderFallback is DecoderExceptionFallback) return null;
            int replaced = text.IndexOf('\uFFFD');
            return replaced < 0 ? null : new Utf8Problem(replaced, "invalid bytes here (the compiler read them as U+FFFD)");
        }
        return FromLegacyEncoding(text, encoding);
    }

    private static Utf8Problem FromLegacyEncoding(string text, Encoding encoding)
    {
        string name = encoding.WebName;
        byte[] bytes;
        try
        {
            bytes = encoding.GetBytes(text);
        }
        catch (Exception e) when (e is ArgumentException or EncoderFallbackException)
        {
            return new Utf8Problem(0, $"the compiler read it as {name}");
        }
        int bad = FirstInvalid(bytes);
        if (bad < 0) return new Utf8Problem(0, $"the compiler read it as {name}");
        int offset;
        try
        {
            offset = Math.Min(encoding.GetCharCount(bytes, 0, bad), text.Length);
        }
        catch (ArgumentException)
        {
            offset = 0;
        }
        return new Utf8Problem(offset, $"byte 0x{bytes[bad].ToString("X2", CultureInfo.InvariantCulture)} here is not valid UTF-8 (the compiler read the file as {name})");
    }

    /// <summary>The index of the first byte that does not start a well-formed UTF-8 sequence, or -1.</summary>
    internal static int FirstInvalid(byte[] bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            int b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }
            int length;
            int min2 = 0x80, max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) length = 2;
            else if (b >= 0xE0 && b <= 0xEF)
            {
                length = 3;
                if (b == 0xE0) min2 = 0xA0;
                if (b == 0xED) max2 = 0x9F;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                length = 4;
                if (b == 0xF0) min2 = 0x90;
                if (b == 0xF4) max2 = 0x8F;
            }
            else return i;
            if (i + length > bytes.Length) return i;
            if (bytes[i + 1] < min2 || bytes[i + 1] > max2) return i;
            for (int k = 2; k < length; k++)
                if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
            i += length;
        }
        return -1;
    }
}
