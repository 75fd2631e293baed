using System;
using System.IO;

namespace Tokenizers.Data;

/// <summary>
/// The token file format: a flat array of token ids with no header, little-endian, uint16 when the vocabulary has at
/// most 65,536 ids and uint32 otherwise. A uint16 file is byte-for-byte a nanoGPT <c>train.bin</c>
/// (<c>np.memmap(path, dtype=np.uint16)</c>). The width is not stored: readers get it from the vocabulary size.
/// Write with <see cref="TokenFileWriter"/>, read with <see cref="TokenFileReader"/>.
/// </summary>
public static class TokenFile
{
    /// <summary>The largest vocabulary whose ids fit a uint16 file.</summary>
    public const int MaxUInt16VocabularySize = ushort.MaxValue + 1;

    /// <summary>The width for a vocabulary of <paramref name="vocabularySize"/> ids (ids 0 to size - 1).</summary>
    public static TokenFileWidth WidthFor(int vocabularySize)
    {
        if (vocabularySize < 1)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "A vocabulary has at least one id.");
        return vocabularySize <= MaxUInt16VocabularySize ? TokenFileWidth.UInt16 : TokenFileWidth.UInt32;
    }

    /// <summary>Number of tokens in the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The length is not a whole number of tokens.</exception>
    public static long CountTokens(string path, TokenFileWidth width) => CountTokens(new FileInfo(path).Length, width, path);

    /// <summary>Writes <paramref name="ids"/> as a token file, replacing any file at <paramref name="path"/>.</summary>
    public static void Write(string path, ReadOnlySpan<int> ids, TokenFileWidth width)
    {
        using var writer = new TokenFileWriter(path, width);
        writer.Write(ids);
    }

    /// <summary>Reads a whole token file into memory; for files of fewer than 2^31 tokens.</summary>
    public static int[] ReadAll(string path, TokenFileWidth width)
    {
        using TokenFileReader reader = TokenFileReader.Open(path, width);
        if (reader.Count > Array.MaxLength)
            throw new InvalidOperationException($"{path} holds {reader.Count} tokens, too many for one array; use TokenFileReader.");
        var ids = new int[reader.Count];
        reader.Read(0, ids);
        return ids;
    }

    internal static long CountTokens(long bytes, TokenFileWidth width, string path)
    {
        int size = BytesPerToken(width);
        if (bytes % size != 0)
            throw new InvalidDataException($"{path} has {bytes} bytes, not a whole number of {size}-byte ({width}) tokens.");
        return bytes / size;
    }

    internal static int BytesPerToken(TokenFileWidth width) => width switch
    {
        TokenFileWidth.UInt16 => 2,
        TokenFileWidth.UInt32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "A token file is UInt16 or UInt32."),
    };

    internal static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Token files are little-endian; this machine is big-endian.");
    }
}
