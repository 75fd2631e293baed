using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Tokenizers.Data;

/// <summary>
/// Streams token ids to a token file (see <see cref="TokenFile"/>) through one fixed buffer, so memory stays bounded
/// however long the corpus. <see cref="Count"/> says how many ids have been accepted, for progress reports.
/// </summary>
public sealed class TokenFileWriter : IDisposable
{
    private const int BufferBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private readonly int _bytesPerToken;
    private int _used;
    private bool _disposed;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    public TokenFileWriter(string path, TokenFileWidth width)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), width, leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/> from its current position.</summary>
    public TokenFileWriter(Stream stream, TokenFileWidth width, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        TokenFile.EnsureLittleEndian();
        _bytesPerToken = TokenFile.BytesPerToken(width);
        _stream = stream;
        _leaveOpen = leaveOpen;
        Width = width;
    }

    public TokenFileWidth Width { get; }

    /// <summary>Number of ids written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Appends one id.</summary>
    public void Write(int id) => Write(new ReadOnlySpan<int>(in id));

    /// <summary>Appends <paramref name="ids"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An id is negative or, in a uint16 file, above 65,535. Every id before it has been written.
    /// </exception>
    public void Write(ReadOnlySpan<int> ids)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!ids.IsEmpty)
        {
            if (_used == BufferBytes) FlushBuffer();
            int n = Math.Min(ids.Length, (BufferBytes - _used) / _bytesPerToken);
            int accepted = _bytesPerToken == 2
                ? Narrow(ids[..n], MemoryMarshal.Cast<byte, ushort>(_buffer.AsSpan(_used)))
                : Copy(ids[..n], MemoryMarshal.Cast<byte, uint>(_buffer.AsSpan(_used)));
            _used += accepted * _bytesPerToken;
            Count += accepted;
            if (accepted < n) throw OutOfRange(ids[accepted]);
            ids = ids[n..];
        }
    }

    /// <summary>Writes buffered ids to the stream and flushes it.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        FlushBuffer();
        _stream.Flush();
    }

    public void Dispose()
    {
        if (_disposed) return;
        try
        {
            FlushBuffer();
            _stream.Flush();
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen) _stream.Dispose();
        }
    }

    private void FlushBuffer()
    {
        if (_used == 0) return;
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Stores ids as uint16 until one does not fit; returns how many were stored.</summary>
    private static int Narrow(ReadOnlySpan<int> ids, Span<ushort> destination)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if ((uint)id > ushort.MaxValue) return i;
            destination[i] = (ushort)id;
        }
        return ids.Length;
    }

    /// <summary>Stores ids as uint32 until a negative one; returns how many were stored.</summary>
    private static int Copy(ReadOnlySpan<int> ids, Span<uint> destination)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if (id < 0) return i;
            destination[i] = (uint)id;
        }
        return ids.Length;
    }

    private ArgumentOutOfRangeException OutOfRange(int id) => new(
        "ids",
        id,
        Width == TokenFileWidth.UInt16
            ? $"Token id {id} at position {Count} does not fit a uint16 token file (ids 0 to 65,535); use UInt32 for vocabularies over 65,536 ids."
            : $"Token id {id} at position {Count} is negative.");
}
