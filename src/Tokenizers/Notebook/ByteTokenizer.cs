using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace Tokenizers.Notebook;

/// <summary>
/// The notebook's SimpleByteTokenizer: the ids are the bytes of the UTF-8 text (256 ids, no special tokens), and
/// decoding replaces invalid UTF-8 with U+FFFD, like Python's <c>errors='replace'</c>.
/// </summary>
public sealed class ByteTokenizer : ITokenizer
{
    /// <summary>The one instance; it holds no state.</summary>
    public static ByteTokenizer Instance { get; } = new();

    public int VocabularySize => 256;

    public IReadOnlyList<int> EncodeToIds(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var ids = new int[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) ids[i] = bytes[i];
        return ids;
    }

    /// <summary>There are no special tokens, so the policy changes nothing.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens) => EncodeToIds(text);

    /// <summary>Stops before a character whose bytes do not fit, so a surrogate pair is never split.</summary>
    public OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten,
        SpecialTokenPolicy? specialTokens = null)
    {
        Span<byte> bytes = stackalloc byte[4];
        int read = 0, written = 0;
        while (read < text.Length)
        {
            int chars = char.IsHighSurrogate(text[read]) && read + 1 < text.Length && char.IsLowSurrogate(text[read + 1]) ? 2 : 1;
            int count = Encoding.UTF8.GetBytes(text.Slice(read, chars), bytes);
            if (count > destination.Length - written)
            {
                charsConsumed = read;
                idsWritten = written;
                return OperationStatus.DestinationTooSmall;
            }
            for (int i = 0; i < count; i++) destination[written++] = bytes[i];
            read += chars;
        }
        charsConsumed = read;
        idsWritten = written;
        return OperationStatus.Done;
    }

    public int CountTokens(string text) => Encoding.UTF8.GetByteCount(text);

    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy? specialTokens = null) => Encoding.UTF8.GetByteCount(text);

    /// <exception cref="ArgumentOutOfRangeException">An id is not a byte value.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(256);
        int length = 0;
        try
        {
            foreach (int id in ids)
            {
                if (length == buffer.Length)
                {
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                buffer[length++] = ToByte(id);
            }
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public int DecodeToBytes(int id, Span<byte> destination)
    {
        byte value = ToByte(id);
        if (destination.IsEmpty) return -1;
        destination[0] = value;
        return 1;
    }

    private static byte ToByte(int id) => (uint)id <= 255
        ? (byte)id
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is not a byte value (ids are 0..255).");
}
