namespace Tokenizers.Generator.Parsing;

/// <summary>
/// GPT-2's byte-to-unicode alphabet: printable Latin-1 bytes stand for themselves, the other 68 bytes for
/// U+0100 onwards, so every byte string is a printable string in vocab.json and merges.txt.
/// </summary>
internal static class ByteLevelAlphabet
{
    private static readonly char[] s_byteToChar = Build(out s_charToByte);
    private static readonly short[] s_charToByte;

    private static char[] Build(out short[] charToByte)
    {
        var map = new char[256];
        charToByte = new short[512];
        for (int i = 0; i < charToByte.Length; i++) charToByte[i] = -1;
        int next = 256;
        for (int b = 0; b < 256; b++)
        {
            bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char)b : (char)next++;
            charToByte[map[b]] = (short)b;
        }
        return map;
    }

    public static char CharOf(byte b) => s_byteToChar[b];

    /// <summary>Decodes a vocab.json key to bytes; false when a char is outside the alphabet.</summary>
    public static bool TryDecode(string token, out byte[] bytes)
    {
        bytes = new byte[token.Length];
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            if (c >= s_charToByte.Length || s_charToByte[c] < 0) return false;
            bytes[i] = (byte)s_charToByte[c];
        }
        return true;
    }
}
