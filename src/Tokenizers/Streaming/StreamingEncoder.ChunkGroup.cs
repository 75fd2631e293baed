using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using Tokenizers.Streaming;

namespace Tokenizers;

public sealed partial class StreamingEncoder
{
    /// <summary>
    /// Whole chunks copied out of the chunker's buffer into one reused array, with their stream offsets; their ids (or
    /// count), and what failed, kept until the group's turn to be delivered.
    /// </summary>
    private sealed class ChunkGroup(bool keepIds) : IDisposable
    {
        private readonly List<(int Start, int Length, long Offset)> _chunks = [];
        private readonly IdBuffer? _ids = keepIds ? new IdBuffer() : null;
        private char[] _text = [];
        private int _chars;
        private long _sequence, _published = -1;
        private long _tokens;
        private Exception? _encodeError, _readError;

        /// <summary>The sequence number the group was last published as: it is ready to deliver when that is the one awaited.</summary>
        public long PublishedAs => Volatile.Read(ref _published);

        /// <summary>
        /// Reads <paramref name="chunks"/> chunks (fewer at the end); false when the stream ended or failed with them.
        /// Never throws: what reading threw is kept for the group's turn (the group holds the chunks before it), so a
        /// claimed group is always published.
        /// </summary>
        public bool Fill(Chunker chunker, int chunks, long sequence)
        {
            _sequence = sequence;
            _chunks.Clear();
            _chars = 0;
            _readError = null;
            try
            {
                while (_chunks.Count < chunks)
                {
                    if (!chunker.Next(out ReadOnlyMemory<char> chunk, out long offset)) return false;
                    if (_text.Length < _chars + chunk.Length)
                    {
                        char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars + chunk.Length, 2 * _text.Length));
                        _text.AsSpan(0, _chars).CopyTo(bigger);
                        if (_text.Length > 0) ArrayPool<char>.Shared.Return(_text);
                        _text = bigger;
                    }
                    chunk.Span.CopyTo(_text.AsSpan(_chars));
                    _chunks.Add((_chars, chunk.Length, offset));
                    _chars += chunk.Length;
                }
                return true;
            }
            catch (Exception e)
            {
                _readError = e;
                return false;
            }
        }

        /// <summary>Encodes (or counts) the chunks in order; false when one failed, the error kept for delivery after the ids before it.</summary>
        public bool Encode(StreamingEncoder owner)
        {
            _tokens = 0;
            _encodeError = null;
            if (_ids is not null) _ids.Count = 0;
            try
            {
                foreach (var (start, length, offset) in _chunks)
                {
                    ReadOnlySpan<char> text = _text.AsSpan(start, length);
                    _tokens += _ids is not null
                        ? owner.EncodeChunk(text, offset, ref _ids.Scratch, _ids.Append)
                        : owner.CountChunk(text, offset);
                }
                return true;
            }
            catch (Exception e)
            {
                _encodeError = e;
                return false;
            }
        }

        public void Publish() => Volatile.Write(ref _published, _sequence);

        /// <summary>Hands the ids to <paramref name="onIds"/>, then throws what failed in this group, if anything did.</summary>
        public long Deliver(TokenSpanAction? onIds)
        {
            if (onIds is not null && _ids!.Count > 0) onIds(_ids.Span);
            if ((_encodeError ?? _readError) is Exception e) ExceptionDispatchInfo.Capture(e).Throw();
            return _tokens;
        }

        public void Dispose()
        {
            if (_text.Length > 0) ArrayPool<char>.Shared.Return(_text);
            _text = [];
            _ids?.Dispose();
        }
    }
}
