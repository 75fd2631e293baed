using System;
using System.Buffers;
using Tokenizers.HuggingFace;
using Tokenizers.Notebook;

namespace Tokenizers.Decoding;

/// <summary>
/// Decoding into a caller's buffer, as ML.Tokenizers' <c>Decode(ids, Span&lt;char&gt;, …)</c>: <c>idsConsumed</c> and
/// <c>charsWritten</c> count only ids whose text is complete, so a token that ends inside a character waits for the ids
/// that finish it; when the ids end inside a character the result is <see cref="OperationStatus.NeedMoreData"/>.
/// Tokenizers whose text is their tokens' bytes (BPE, byte-level tokenizer.json, bytes) decode without allocating;
/// the others (word lists, SentencePiece-style decoder chains) through <see cref="ITokenizer.Decode(System.Collections.Generic.IEnumerable{int})"/>.
/// </summary>
internal static class SpanDecoder
{
    private const int StackBytes = 256;

    public static OperationStatus Decode(ITokenizer tokenizer, ReadOnlySpan<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
        => TextIsTokenBytes(tokenizer)
            ? DecodeBytes(tokenizer, ids, destination, out idsConsumed, out charsWritten)
            : DecodeText(tokenizer, ids, destination, out idsConsumed, out charsWritten);

    private static bool TextIsTokenBytes(ITokenizer tokenizer) => tokenizer switch
    {
        IStreamableTokenizer or ByteTokenizer => true,
        IHuggingFaceModelOwner owner => owner.Model.TextDecoder is null,
        _ => false,
    };

    private static OperationStatus DecodeBytes(ITokenizer tokenizer, ReadOnlySpan<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
    {
        idsConsumed = 0;
        charsWritten = 0;
        // Bytes of a character not finished yet (at most 3) come first, then the next token's.
        Span<byte> stack = stackalloc byte[StackBytes];
        byte[]? rented = null;
        int carried = 0, pendingChars = 0, pendingIds = 0;
        try
        {
            Span<byte> buffer = stack;
            foreach (int id in ids)
            {
                if ((uint)id >= (uint)tokenizer.VocabularySize) return OperationStatus.InvalidData;
                int count;
                while ((count = TryDecodeToBytes(tokenizer, id, buffer[carried..])) == -1)
                {
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 4);
                    buffer[..carried].CopyTo(bigger);
                    if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
                    buffer = rented = bigger;
                }
                if (count == -2) return OperationStatus.InvalidData;
                ReadOnlySpan<byte> bytes = buffer[..(carried + count)];
                Span<char> target = destination[(charsWritten + pendingChars)..];
                OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, target, out int read, out int written,
                    replaceInvalidSequences: true, isFinalBlock: false);
                if (status == OperationStatus.DestinationTooSmall) return OperationStatus.DestinationTooSmall;
                pendingIds++;
                if (read == bytes.Length)
                {
                    charsWritten += pendingChars + written;
                    idsConsumed += pendingIds;
                    pendingChars = pendingIds = carried = 0;
                    continue;
                }
                pendingChars += written;
                carried = bytes.Length - read;
                bytes[read..].CopyTo(buffer);
            }
            return carried == 0 ? OperationStatus.Done : OperationStatus.NeedMoreData;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The token's byte count, -1 when <paramref name="destination"/> is too small, -2 for an id with no token.</summary>
    private static int TryDecodeToBytes(ITokenizer tokenizer, int id, Span<byte> destination)
    {
        try
        {
            return tokenizer.DecodeToBytes(id, destination);
        }
        catch (ArgumentOutOfRangeException)
        {
            return -2;
        }
    }

    /// <summary>The whole text when it fits, else the longest run of ids from the start whose text is the start of it.</summary>
    private static OperationStatus DecodeText(ITokenizer tokenizer, ReadOnlySpan<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
    {
        idsConsumed = charsWritten = 0;
        int[] all = ids.ToArray();
        string text;
        try
        {
            text = tokenizer.Decode(all);
        }
        catch (ArgumentOutOfRangeException)
        {
            return OperationStatus.InvalidData;
        }
        if (text.AsSpan().TryCopyTo(destination))
        {
            idsConsumed = ids.Length;
            charsWritten = text.Length;
            return OperationStatus.Done;
        }
        // The prefix lengths grow with the ids: search the most ids whose text fits and begins the whole text.
        int low = 0, high = ids.Length - 1;
        string best = "";
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            string prefix = tokenizer.Decode(new ArraySegment<int>(all, 0, middle));
            if (prefix.Length <= destination.Length)
            {
                low = middle;
                best = prefix;
            }
            else
            {
                high = middle - 1;
            }
        }
        while (low > 0 && !text.StartsWith(best, StringComparison.Ordinal))
            best = tokenizer.Decode(new ArraySegment<int>(all, 0, --low));
        best.AsSpan().CopyTo(destination);
        idsConsumed = low;
        charsWritten = best.Length;
        return OperationStatus.DestinationTooSmall;
    }
}
