using System;
using Tokenizers.Data;

namespace Tokenizers.TorchSharp;

/// <summary>
/// A read-only sequence of token ids that windows and batches are cut from: in memory, or a memory-mapped token file.
/// Implementations are thread-safe, because TorchSharp's DataLoader reads items from several threads.
/// </summary>
public abstract class TokenSource : IDisposable
{
    /// <summary>Number of tokens.</summary>
    public abstract long Count { get; }

    /// <summary>Copies the tokens from <paramref name="start"/> on into <paramref name="destination"/> as int64, the dtype of index tensors.</summary>
    public abstract void Read(long start, Span<long> destination);

    /// <summary>Tokens held in memory; <paramref name="tokens"/> must not change while in use (an <c>int[]</c> converts implicitly).</summary>
    public static TokenSource FromMemory(ReadOnlyMemory<int> tokens) => new MemoryTokenSource(tokens);

    /// <summary>Opens a token file (see <see cref="TokenFile"/>), memory-mapped; dispose the source to close it.</summary>
    public static TokenSource OpenFile(string path, TokenFileWidth width) => new FileTokenSource(TokenFileReader.Open(path, width), ownsReader: true);

    /// <summary>Reads through <paramref name="reader"/>; the source disposes it only when <paramref name="ownsReader"/>.</summary>
    public static TokenSource FromFile(TokenFileReader reader, bool ownsReader = false) => new FileTokenSource(reader, ownsReader);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Throws when [start, start + length) is not inside the source.</summary>
    protected void CheckRange(long start, int length)
    {
        if (start < 0 || start > Count - length)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Tokens [{start}, {start + length}) are outside the source's {Count} tokens.");
    }
}
