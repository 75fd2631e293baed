using System;
using System.IO;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// An input opened once for reading: a file, or standard input for <c>-</c>, past a UTF-8 byte-order mark at its start
/// (dropped, as .NET's readers drop it). Only a seekable input may be read twice (<see cref="Rewind"/>): a pipe, a
/// terminal or process substitution is read once, as it comes.
/// </summary>
internal sealed class InputStream : IDisposable
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private InputStream(string name, Stream stream, int bomLength)
    {
        Name = name;
        Stream = stream;
        BomLength = bomLength;
    }

    /// <summary>The path, as errors name it (<c>-</c> is <c>stdin</c>).</summary>
    public string Name { get; }

    /// <summary>The bytes after the byte-order mark.</summary>
    public Stream Stream { get; }

    /// <summary>3 when the input started with a UTF-8 byte-order mark, else 0: the offset of <see cref="Stream"/>'s first byte in the input.</summary>
    public int BomLength { get; }

    public bool CanSeek => Stream.CanSeek;

    /// <summary>Opens <paramref name="stream"/>, reading up to three bytes to see whether it starts with a byte-order mark.</summary>
    public static InputStream Open(string name, Stream stream)
    {
        Span<byte> start = stackalloc byte[3];
        int n = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        if (n == 3 && start.SequenceEqual(Bom)) return new InputStream(name, stream, 3);
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return new InputStream(name, stream, 0);
        }
        return new InputStream(name, new PrefixedStream(start[..n].ToArray(), stream), 0);
    }

    /// <summary>Back to the first byte after the byte-order mark.</summary>
    /// <exception cref="InvalidOperationException">The input is not seekable.</exception>
    public void Rewind()
    {
        if (!CanSeek) throw new InvalidOperationException($"{Name} cannot be read twice");
        Stream.Position = BomLength;
    }

    public void Dispose() => Stream.Dispose();

    /// <summary>The bytes read to look for a byte-order mark, then the rest of a stream that cannot seek back to them.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _used;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_used == prefix.Length || buffer.IsEmpty) return rest.Read(buffer);
            int n = Math.Min(buffer.Length, prefix.Length - _used);
            prefix.AsSpan(_used, n).CopyTo(buffer);
            _used += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
