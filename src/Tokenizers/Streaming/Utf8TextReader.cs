using System;
using System.IO;
using System.Text;

namespace Tokenizers.Streaming;

/// <summary>
/// A TextReader over UTF-8 bytes that keeps a byte-order mark as U+FEFF (StreamReader would drop it) and can refuse
/// invalid UTF-8 with the offset of the first bad byte; otherwise each invalid sequence becomes U+FFFD, as
/// <see cref="Encoding.UTF8"/>'s GetString does.
/// </summary>
internal sealed class Utf8TextReader(Stream stream, bool throwOnInvalid, bool leaveOpen) : TextReader
{
    private const int BlockBytes = 1 << 16;

    private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalid).GetDecoder();
    private readonly byte[] _bytes = new byte[BlockBytes];
    private int _byteStart, _byteEnd;
    private long _blockOffset; // stream offset of _bytes[0]
    private bool _eof, _flushed;

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_heldChar is char held)
        {
            buffer[0] = held;
            _heldChar = null;
            return 1;
        }
        if (buffer.Length >= 2) return ReadAtLeastTwo(buffer);
        // A byte can make two chars (the end of a surrogate pair, or U+FFFD for a partial sequence and itself).
        Span<char> two = stackalloc char[2];
        int n = ReadAtLeastTwo(two);
        if (n == 0) return 0;
        buffer[0] = two[0];
        if (n == 2) _heldChar = two[1];
        return 1;
    }

    private char? _heldChar;

    private int ReadAtLeastTwo(Span<char> buffer)
    {
        while (true)
        {
            if (_byteStart == _byteEnd && !_eof)
            {
                _blockOffset += _byteEnd;
                _byteStart = _byteEnd = 0;
                int n = stream.Read(_bytes, 0, _bytes.Length);
                if (n == 0) _eof = true;
                _byteEnd = n;
                BytesRead += n;
            }
            if (_flushed) return 0;
            // n bytes make at most n + 1 chars: four-byte sequences make two chars, and a partial sequence held over from
            // the last call can end as one U+FFFD.
            int maxBytes = Math.Min(_byteEnd - _byteStart, buffer.Length - 1);
            int bytesUsed, charsUsed;
            try
            {
                _decoder.Convert(_bytes.AsSpan(_byteStart, maxBytes), buffer, flush: _eof, out bytesUsed, out charsUsed, out _);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidUtf8Exception(_blockOffset + _byteStart + e.Index);
            }
            _byteStart += bytesUsed;
            if (_eof && _byteStart == _byteEnd) _flushed = true;
            if (charsUsed > 0) return charsUsed;
        }
    }

    public override int Peek() => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) stream.Dispose();
        base.Dispose(disposing);
    }
}
