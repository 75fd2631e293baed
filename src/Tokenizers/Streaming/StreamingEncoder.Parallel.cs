using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Tokenizers.Streaming;

namespace Tokenizers;

/// <summary>The same chunks, encoded on several cores: safe cuts make the chunks independent, so order is all that is kept.</summary>
public sealed partial class StreamingEncoder
{
    /// <summary>Chars a thread takes in one batch: large enough to pay for the hand-off, small enough to keep memory bounded.</summary>
    private const int ParallelCharsPerThread = 1 << 18;

    /// <summary>
    /// Encodes everything <paramref name="reader"/> holds on up to <paramref name="degreeOfParallelism"/> threads, handing
    /// ids to <paramref name="onIds"/> in order (on the calling thread): exactly the ids, cuts and result of
    /// <see cref="Encode(TextReader, TokenSpanAction, CancellationToken)"/>. Chunks are read in batches of about 256 Ki
    /// chars a thread, the next batch read while the last one is encoded, so memory stays bounded.
    /// </summary>
    public StreamingEncodeResult Encode(TextReader reader, TokenSpanAction onIds, int degreeOfParallelism,
        CancellationToken cancellationToken = default)
    {
        if (onIds is null) throw new ArgumentNullException(nameof(onIds));
        return RunParallel(reader, onIds, degreeOfParallelism, cancellationToken, null);
    }

    /// <summary>
    /// Counts the ids of everything <paramref name="reader"/> holds on up to <paramref name="degreeOfParallelism"/>
    /// threads, through the tokenizer's allocation-free <see cref="ITokenizer.CountTokens(ReadOnlySpan{char}, SpecialTokenPolicy?)"/>;
    /// <paramref name="onTokens"/>, if given, hears each batch's count on the calling thread (for progress reports).
    /// </summary>
    public StreamingEncodeResult Count(TextReader reader, int degreeOfParallelism, Action<long>? onTokens = null,
        CancellationToken cancellationToken = default) =>
        RunParallel(reader, null, degreeOfParallelism, cancellationToken, onTokens);

    private StreamingEncodeResult RunParallel(TextReader reader, TokenSpanAction? onIds, int degreeOfParallelism,
        CancellationToken cancellationToken, Action<long>? onTokens)
    {
        if (reader is null) throw new ArgumentNullException(nameof(reader));
        if (degreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "At least one thread.");
        using var chunker = new Chunker(this, reader);
        var batches = new[] { new Batch(degreeOfParallelism), new Batch(degreeOfParallelism) };
        long tokens = 0;
        try
        {
            Batch current = batches[0];
            current.Fill(chunker, ParallelCharsPerThread * degreeOfParallelism);
            for (int turn = 1; current.Chars > 0 || current.ReadError is not null; turn++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Batch encoding = current;
                Task work = Task.Run(() => encoding.Encode(this, onIds is not null));
                Batch next = batches[turn & 1];
                if (encoding.ReadError is null) next.Fill(chunker, ParallelCharsPerThread * degreeOfParallelism);
                work.Wait(cancellationToken);
                long delivered = encoding.Deliver(onIds);
                tokens += delivered;
                onTokens?.Invoke(delivered);
                // As the sequential encode does, a read error (invalid UTF-8 in a pipe) comes after the ids of everything before it.
                if (encoding.ReadError is Exception error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
                current = next;
            }
            return new StreamingEncodeResult(chunker.CharsRead, tokens, chunker.ForcedCuts);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            foreach (Batch batch in batches) batch.Dispose();
        }
    }

    private int CountChunk(ReadOnlySpan<char> text, long offset)
    {
        try
        {
            return _tokenizer.CountTokens(text, _policy);
        }
        catch (DisallowedSpecialTokenException e) when (offset + e.Position <= int.MaxValue)
        {
            throw AtStreamPosition(e, offset);
        }
    }

    /// <summary>
    /// Chunks copied out of the chunker's buffer into one array, split into parts of whole chunks about equal in chars (four a
    /// thread); each part's ids go to a buffer of its own, delivered in order.
    /// </summary>
    private sealed class Batch(int threads) : IDisposable
    {
        /// <summary>
        /// Parts a thread: the threads take parts as they finish, so one thread that the OS holds back (a busy machine)
        /// delays the batch by a part, not by its whole share.
        /// </summary>
        private const int PartsPerThread = 4;

        private readonly List<(int Start, int Length, long Offset)> _chunks = [];
        private readonly int[] _partEnds = new int[threads * PartsPerThread];            // chunk index each part ends before
        private readonly IdBuffer[] _ids = CreateParts(threads * PartsPerThread);
        private readonly long[] _counts = new long[threads * PartsPerThread];
        private readonly Exception?[] _errors = new Exception?[threads * PartsPerThread];
        private char[] _text = [];
        private int _partCount;

        public int Chars { get; private set; }

        /// <summary>What reading the chunks after this batch's last one threw; the batch holds the chunks before it.</summary>
        public Exception? ReadError { get; private set; }

        public void Fill(Chunker chunker, int targetChars)
        {
            _chunks.Clear();
            Chars = 0;
            ReadError = null;
            while (Chars < targetChars)
            {
                ReadOnlyMemory<char> chunk;
                long offset;
                try
                {
                    if (!chunker.Next(out chunk, out offset)) break;
                }
                catch (Exception e)
                {
                    ReadError = e;
                    break;
                }
                if (_text.Length < Chars + chunk.Length)
                {
                    char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(Chars + chunk.Length, 2 * _text.Length));
                    _text.AsSpan(0, Chars).CopyTo(bigger);
                    if (_text.Length > 0) ArrayPool<char>.Shared.Return(_text);
                    _text = bigger;
                }
                chunk.Span.CopyTo(_text.AsSpan(Chars));
                _chunks.Add((Chars, chunk.Length, offset));
                Chars += chunk.Length;
            }
            // Whole chunks to each part, a part closing once it holds its share of the chars.
            _partCount = 0;
            int share = Math.Max(1, (Chars + _partEnds.Length - 1) / _partEnds.Length), taken = 0;
            for (int i = 0; i < _chunks.Count; i++)
            {
                taken += _chunks[i].Length;
                if (taken >= share * (_partCount + 1) || i == _chunks.Count - 1) _partEnds[_partCount++] = i + 1;
            }
        }

        public void Encode(StreamingEncoder owner, bool keepIds) =>
            Parallel.For(0, _partCount, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
            {
                _counts[part] = 0;
                _ids[part].Count = 0;
                _errors[part] = null;
                try
                {
                    for (int i = part == 0 ? 0 : _partEnds[part - 1]; i < _partEnds[part]; i++)
                    {
                        var (start, length, offset) = _chunks[i];
                        ReadOnlySpan<char> text = _text.AsSpan(start, length);
                        _counts[part] += keepIds
                            ? owner.EncodeChunk(text, offset, ref _ids[part].Scratch, _ids[part].Append)
                            : owner.CountChunk(text, offset);
                    }
                }
                catch (Exception e)
                {
                    // Kept for its turn: the ids of the parts before it are delivered first, as a sequential encode would.
                    _errors[part] = e;
                }
            });

        public long Deliver(TokenSpanAction? onIds)
        {
            long tokens = 0;
            for (int part = 0; part < _partCount; part++)
            {
                if (onIds is not null && _ids[part].Count > 0) onIds(_ids[part].Items.AsSpan(0, _ids[part].Count));
                tokens += _counts[part];
                if (_errors[part] is Exception e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
            }
            return tokens;
        }

        public void Dispose()
        {
            if (_text.Length > 0) ArrayPool<char>.Shared.Return(_text);
            _text = [];
            foreach (IdBuffer ids in _ids) ids.Dispose();
        }

        private static IdBuffer[] CreateParts(int parts)
        {
            var ids = new IdBuffer[parts];
            for (int i = 0; i < parts; i++) ids[i] = new IdBuffer();
            return ids;
        }
    }
}
