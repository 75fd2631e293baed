using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Tokenizers.Data;
using Tokenizers.PreTokenization;
using Tokenizers.Streaming;

namespace Tokenizers;

/// <summary>Receives a block of ids; the span is valid only during the call.</summary>
public delegate void TokenSpanAction(ReadOnlySpan<int> ids);

/// <summary>What a streaming encode read and wrote.</summary>
/// <param name="Chars">UTF-16 chars read.</param>
/// <param name="Tokens">Ids produced.</param>
/// <param name="ForcedCuts">
/// Times a run longer than <see cref="StreamingEncoder.MaxChunkChars"/> had no safe place to cut and was cut anyway;
/// 0 means the ids are exactly those of encoding the whole text at once.
/// </param>
public readonly record struct StreamingEncodeResult(long Chars, long Tokens, int ForcedCuts);

/// <summary>
/// Encodes text from a <see cref="TextReader"/> or a UTF-8 <see cref="Stream"/> in bounded memory, with exactly the
/// ids of encoding the whole text at once. Text is read in chunks that end only where the tokenizer's pattern and
/// special tokens make a cut invisible (see <c>Tokenizers.Streaming.StreamCut</c>): after a word or number and
/// before a space, for example. Memory is a char buffer of at most <see cref="MaxChunkChars"/> plus the ids of one chunk.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: one instance can encode many streams at once. The only departure from whole-text
/// encoding is a run of more than <see cref="MaxChunkChars"/> chars with no safe cut at all (a million letters or
/// digits or spaces in a row); it is cut at the limit and counted in <see cref="StreamingEncodeResult.ForcedCuts"/>.
/// With <see cref="SpecialTokenPolicy.Disallow"/>, ids of the chunks before a disallowed special token have already
/// been delivered when <see cref="DisallowedSpecialTokenException"/> is thrown; its position counts from the start
/// of the stream.
/// </remarks>
public sealed partial class StreamingEncoder
{
    /// <summary>The chunk size aimed at: large enough that cutting costs nothing, small enough for the CPU cache.</summary>
    public const int DefaultChunkChars = 1 << 16;

    /// <summary>The longest run searched for a safe cut before one is forced.</summary>
    public const int DefaultMaxChunkChars = 1 << 20;

    private readonly ITokenizer _tokenizer;
    private readonly string[] _specialTexts;
    private readonly SpecialTokenPolicy _policy;
    private readonly int _margin;

    /// <summary>An encoder for a compiled BPE tokenizer (any <c>[GeneratedTokenizer]</c> class with a pattern).</summary>
    /// <exception cref="ArgumentException">The tokenizer's pattern is <c>none</c>: the whole text is one piece.</exception>
    public StreamingEncoder(IStreamableTokenizer tokenizer, SpecialTokenPolicy? specialTokens = null,
        int chunkChars = DefaultChunkChars, int maxChunkChars = DefaultMaxChunkChars)
        : this(tokenizer, (tokenizer ?? throw new ArgumentNullException(nameof(tokenizer))).PreTokenizer,
            tokenizer.SpecialTokens.Select(s => s.Text).ToArray(), specialTokens, chunkChars, maxChunkChars)
    {
    }

    /// <summary>An encoder for any tokenizer that splits text with <paramref name="preTokenizer"/> and has these special tokens.</summary>
    /// <param name="tokenizer">The tokenizer.</param>
    /// <param name="preTokenizer">Its pattern: gpt2, cl100k or o200k (<see cref="PreTokenizer.FromName"/>).</param>
    /// <param name="specialTokenTexts">The text of every special token it knows, allowed or not.</param>
    /// <param name="specialTokens">How special-token text is treated, as in <see cref="ITokenizer.EncodeToIds(string, SpecialTokenPolicy)"/>.</param>
    /// <param name="chunkChars">Chars read before a cut is looked for.</param>
    /// <param name="maxChunkChars">Chars after which a cut is forced when there is no safe one.</param>
    /// <exception cref="ArgumentException">No safe cuts are known for <paramref name="preTokenizer"/>.</exception>
    public StreamingEncoder(ITokenizer tokenizer, PreTokenizer preTokenizer, IEnumerable<string> specialTokenTexts,
        SpecialTokenPolicy? specialTokens = null, int chunkChars = DefaultChunkChars, int maxChunkChars = DefaultMaxChunkChars)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        if (preTokenizer is null) throw new ArgumentNullException(nameof(preTokenizer));
        if (!StreamCut.Supports(preTokenizer))
            throw new ArgumentException(
                $"{preTokenizer.GetType().Name} has no known safe cuts (with pattern 'none' the whole text is one piece), so it cannot be encoded as a stream.",
                nameof(preTokenizer));
        _specialTexts = (specialTokenTexts ?? throw new ArgumentNullException(nameof(specialTokenTexts))).Where(t => t.Length > 0).ToArray();
        if (chunkChars < 16) throw new ArgumentOutOfRangeException(nameof(chunkChars), chunkChars, "A chunk is at least 16 chars.");
        if (maxChunkChars < chunkChars)
            throw new ArgumentOutOfRangeException(nameof(maxChunkChars), maxChunkChars, "The largest chunk is at least chunkChars.");
        _policy = specialTokens ?? SpecialTokenPolicy.None;
        ChunkChars = chunkChars;
        MaxChunkChars = maxChunkChars;
        // Chars kept back from the end of the buffer so that a cut sees whole code points and whole special tokens.
        _margin = Math.Max(2, _specialTexts.Length == 0 ? 0 : _specialTexts.Max(t => t.Length));
    }

    /// <summary>Chars read before a cut is looked for.</summary>
    public int ChunkChars { get; }

    /// <summary>Chars after which a cut is forced when no safe one is found.</summary>
    public int MaxChunkChars { get; }

    /// <summary>Encodes everything <paramref name="reader"/> holds, handing ids to <paramref name="onIds"/> in order.</summary>
    public StreamingEncodeResult Encode(TextReader reader, TokenSpanAction onIds, CancellationToken cancellationToken = default)
    {
        if (reader is null) throw new ArgumentNullException(nameof(reader));
        if (onIds is null) throw new ArgumentNullException(nameof(onIds));
        var chunker = new Chunker(this, reader);
        int[] ids = ArrayPool<int>.Shared.Rent(ChunkChars + 64);
        long tokens = 0;
        try
        {
            while (chunker.Next(out ReadOnlyMemory<char> chunk, out long offset))
            {
                cancellationToken.ThrowIfCancellationRequested();
                tokens += EncodeChunk(chunk.Span, offset, ref ids, onIds);
            }
            return new StreamingEncodeResult(chunker.CharsRead, tokens, chunker.ForcedCuts);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
            chunker.Dispose();
        }
    }

    /// <summary>
    /// Encodes UTF-8 from <paramref name="utf8"/>. Invalid UTF-8 becomes U+FFFD (as <see cref="System.Text.Encoding.UTF8"/>
    /// decodes it), or, with <paramref name="throwOnInvalidUtf8"/>, throws <see cref="InvalidUtf8Exception"/> naming
    /// the byte offset. A byte-order mark is text (U+FEFF), as tiktoken sees it.
    /// </summary>
    public StreamingEncodeResult Encode(Stream utf8, TokenSpanAction onIds, bool throwOnInvalidUtf8 = false,
        CancellationToken cancellationToken = default)
    {
        if (utf8 is null) throw new ArgumentNullException(nameof(utf8));
        using var reader = new Utf8TextReader(utf8, throwOnInvalidUtf8, leaveOpen: true);
        return Encode(reader, onIds, cancellationToken);
    }

    /// <summary>Encodes everything <paramref name="reader"/> holds into a token file.</summary>
    public StreamingEncodeResult Encode(TextReader reader, TokenFileWriter writer, CancellationToken cancellationToken = default)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        return Encode(reader, ids => writer.Write(ids), cancellationToken);
    }

    /// <summary>The ids of everything <paramref name="reader"/> holds, read lazily, one chunk ahead at most.</summary>
    public IEnumerable<int> EncodeToIds(TextReader reader)
    {
        if (reader is null) throw new ArgumentNullException(nameof(reader));
        return Iterate(reader);
    }

    private IEnumerable<int> Iterate(TextReader reader)
    {
        using var chunker = new Chunker(this, reader);
        int[] ids = ArrayPool<int>.Shared.Rent(ChunkChars + 64);
        var block = new List<int>();
        try
        {
            while (chunker.Next(out ReadOnlyMemory<char> chunk, out long offset))
            {
                block.Clear();
                EncodeChunk(chunk.Span, offset, ref ids, span =>
                {
                    foreach (int id in span) block.Add(id);
                });
                foreach (int id in block) yield return id;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
        }
    }

    /// <summary>Encodes one chunk through the allocation-free span API, growing the id buffer when a piece needs it.</summary>
    private long EncodeChunk(ReadOnlySpan<char> text, long offset, ref int[] ids, TokenSpanAction onIds)
    {
        long tokens = 0;
        int done = 0;
        while (done < text.Length)
        {
            System.Buffers.OperationStatus status;
            int consumed, written;
            try
            {
                status = _tokenizer.EncodeToIds(text[done..], ids, out consumed, out written, _policy);
            }
            catch (DisallowedSpecialTokenException e) when (offset + done + e.Position <= int.MaxValue)
            {
                throw AtStreamPosition(e, offset + done);
            }
            if (written > 0) onIds(ids.AsSpan(0, written));
            tokens += written;
            done += consumed;
            if (status == System.Buffers.OperationStatus.Done) break;
            if (consumed == 0 && written == 0)
            {
                // One piece needs more ids than the buffer holds: at most one id a UTF-8 byte, three bytes a char.
                int needed = Math.Max(ids.Length * 2, 16);
                ArrayPool<int>.Shared.Return(ids);
                ids = ArrayPool<int>.Shared.Rent(needed);
            }
        }
        return tokens;
    }

    /// <summary><paramref name="e"/>, raised in text that starts at <paramref name="offset"/> of the stream, with its position in the stream.</summary>
    private static DisallowedSpecialTokenException AtStreamPosition(DisallowedSpecialTokenException e, long offset) =>
        new(e.Token, (int)(offset + e.Position));

    /// <summary>Reads chunks that end at safe cuts: text [0, cut) of the buffer, then keeps the rest.</summary>
    private sealed class Chunker : IDisposable
    {
        private readonly StreamingEncoder _owner;
        private readonly TextReader _reader;
        private char[] _buffer;
        private int _start, _length; // chars of the buffer not yet handed out: [_start, _length)
        private long _offset;        // stream position of _buffer[_start]
        private int _scanned;        // cuts in [1, _scanned] of the current buffer were all found unsafe
        private bool _eof;

        public Chunker(StreamingEncoder owner, TextReader reader)
        {
            _owner = owner;
            _reader = reader;
            _buffer = ArrayPool<char>.Shared.Rent(owner.ChunkChars + owner._margin);
        }

        public long CharsRead { get; private set; }

        public int ForcedCuts { get; private set; }

        /// <summary>The next chunk and its offset in the stream; false at the end.</summary>
        public bool Next(out ReadOnlyMemory<char> chunk, out long offset)
        {
            // Compact, then read until a chunk's worth (plus the margin) is in or the reader ends.
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _length - _start);
                _length -= _start;
                _start = 0;
            }
            int target = _owner.ChunkChars + _owner._margin;
            while (true)
            {
                Fill(target);
                if (_eof)
                {
                    offset = _offset;
                    if (_length == 0)
                    {
                        chunk = default;
                        return false;
                    }
                    chunk = new ReadOnlyMemory<char>(_buffer, 0, _length);
                    Advance(_length);
                    return true;
                }
                int cut = FindCut(_length - _owner._margin);
                if (cut > 0)
                {
                    chunk = new ReadOnlyMemory<char>(_buffer, 0, cut);
                    offset = _offset;
                    Advance(cut);
                    return true;
                }
                if (_length - _owner._margin >= _owner.MaxChunkChars)
                {
                    // No safe cut in MaxChunkChars: cut anyway, outside a surrogate pair.
                    cut = _owner.MaxChunkChars;
                    if (char.IsHighSurrogate(_buffer[cut - 1]) && char.IsLowSurrogate(_buffer[cut])) cut--;
                    ForcedCuts++;
                    chunk = new ReadOnlyMemory<char>(_buffer, 0, cut);
                    offset = _offset;
                    Advance(cut);
                    return true;
                }
                // Nothing safe yet: read more, up to MaxChunkChars.
                target = Math.Min(_owner.MaxChunkChars + _owner._margin, Math.Max(target * 2, _length + _owner.ChunkChars));
            }
        }

        /// <summary>
        /// The safe cut nearest the end of [1, limit], or 0 when there is none. Positions already found unsafe with the
        /// margin in view stay unsafe, so a buffer that grows is searched only where it grew.
        /// </summary>
        private int FindCut(int limit)
        {
            ReadOnlySpan<char> text = _buffer.AsSpan(0, _length);
            for (int cut = limit; cut > _scanned; cut--)
                if (StreamCut.IsSafe(text, cut, _owner._specialTexts)) return cut;
            _scanned = Math.Max(_scanned, limit);
            return 0;
        }

        private void Advance(int chars)
        {
            _start = chars;
            _offset += chars;
            _scanned = 0;
        }

        private void Fill(int target)
        {
            if (_buffer.Length < target)
            {
                char[] bigger = ArrayPool<char>.Shared.Rent(target);
                Array.Copy(_buffer, bigger, _length);
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = bigger;
            }
            while (!_eof && _length < target)
            {
                int n = _reader.Read(_buffer, _length, target - _length);
                if (n == 0) _eof = true;
                _length += n;
                CharsRead += n;
            }
        }

        public void Dispose()
        {
            if (_buffer.Length > 0) ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
