using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.Offsets;
using Tokenizers.PreTokenization;

namespace Tokenizers.HuggingFace;

/// <summary>
/// A Hugging Face tokenizer.json at run time, exactly as Hugging Face's <c>Tokenizer::encode</c> runs it: added
/// tokens are split off the raw input, each piece between them is normalized, normalized added tokens are split off
/// that, the pre-tokenizer cuts the rest into pieces, and the BPE model encodes each piece; the post-processor adds
/// special ids when asked. Generated code and the run-time loader construct it from the compiled tables and spec.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HuggingFaceModel
{
    private const int StackIds = 384;

    private readonly BpePieceEncoder _encoder;
    private readonly AddedTokenSet? _rawTokens, _normalizedTokens;
    private readonly TextNormalizer? _normalizer;
    private readonly PreTokenizerPipeline _pipeline;
    private readonly PreTokenizer? _scanner;
    private readonly bool _streamable;
    private readonly WindowedNormalizer? _windowed;
    private readonly SpecialIdTemplate _template;
    private readonly SpecialToken[] _specialTokens;
    private readonly TokenTextDecoder? _textDecoder;
    private readonly bool _byteFallbackDecoder;
    private readonly string[] _perTokenReplacements;

    /// <param name="tables">The model's tables, as the generator builds them.</param>
    /// <param name="spec">The tokenizer.json without its vocabulary and merges, as the generator writes it.</param>
    public HuggingFaceModel(IReadOnlyList<ConstantTable> tables, string spec)
        : this(tables, TokenizerJsonReader.ReadSpec(spec))
    {
    }

    internal HuggingFaceModel(IReadOnlyList<ConstantTable> tables, TokenizerDefinition definition)
        : this(new BpePieceEncoder(tables, definition.Model), definition, RegexMatcher.Compile, RegexMatcher.ScannerFor)
    {
    }

    internal HuggingFaceModel(BpePieceEncoder encoder, TokenizerDefinition definition,
        Func<string, SplitMatcher> compileRegex, Func<string, PreTokenizer> scannerFor)
    {
        _encoder = encoder;
        _normalizer = TextNormalizer.Create(definition.Normalizer, compileRegex);
        PrependsToText = Prepends(definition.Normalizer);
        (_rawTokens, _normalizedTokens) = BuildAddedTokens(definition.AddedTokens, _normalizer);
        var stages = PreTokenizerStage.Build(definition.PreTokenizer, compileRegex, scannerFor);
        _pipeline = new PreTokenizerPipeline(stages);
        if (_normalizedTokens is null && encoder.EncodesWordByWord)
            _windowed = WindowedNormalizer.TryCreate(definition.Normalizer, definition.PreTokenizer);
        // One scanner (or none) reads the original text directly: its pieces go straight to the encoder, and a full
        // buffer can stop between any two of them. A model that normalizes in windows has no pre-tokenizer, or a
        // Split on the char its normalizer replaces, which nothing it encodes still holds: a segment is one piece.
        _streamable = _windowed is not null || stages.Length == 0 || (stages.Length == 1 && stages[0].Kind == StageKind.Scanner);
        _scanner = _windowed is null && stages.Length == 1 ? stages[0].Scanner : null;
        _template = SpecialIdTemplate.Create(definition.PostProcessor);
        if (TokenizerJsonCompiler.IsByteLevel(definition))
        {
            TokenDecoding.Check(definition.Decoder);
            _perTokenReplacements = [];
        }
        else
        {
            _textDecoder = TokenTextDecoder.Create(definition.Decoder);
            (_byteFallbackDecoder, _perTokenReplacements) = TokenDecoding.PerToken(definition.Decoder);
        }
        var specials = new List<SpecialToken>();
        foreach (var token in definition.AddedTokens)
        {
            if (token.Special) specials.Add(new SpecialToken(token.Content, token.Id));
        }
        _specialTokens = specials.ToArray();
        int size = encoder.VocabularySize;
        foreach (var token in definition.AddedTokens) size = Math.Max(size, token.Id + 1);
        VocabularySize = size;
    }

    /// <summary>Largest id + 1, added tokens included.</summary>
    public int VocabularySize { get; }

    /// <summary>The special added tokens: their text gives their id only as a <see cref="SpecialTokenPolicy"/> allows.</summary>
    public IReadOnlyList<SpecialToken> SpecialTokens => _specialTokens;

    /// <summary>The special ids the post-processor puts before and after a sequence.</summary>
    internal SpecialIdTemplate Template => _template;

    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy policy) => EncodeToIds(text, policy, addSpecialTokens: false);

    /// <summary>Encodes <paramref name="text"/>; with <paramref name="addSpecialTokens"/> the post-processor's special ids are added.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy policy, bool addSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(policy);
        var sink = new PooledIdSink(text.Length / 3 + 4);
        try
        {
            if (addSpecialTokens) sink.TryAdd(_template.Prefix);
            int emitted = 0;
            Encode(text.AsSpan(), ref sink, policy, out _, ref emitted);
            if (addSpecialTokens) sink.TryAdd(_template.Suffix);
            return sink.ToArray();
        }
        finally
        {
            sink.Dispose();
        }
    }

    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var sink = new CountingSink();
        int emitted = 0;
        Encode(text, ref sink, policy, out _, ref emitted);
        return sink.Count;
    }

    /// <summary>
    /// Encodes into a caller's buffer. When it fills up, stops where encoding the rest of the text again gives the
    /// remaining ids: between pieces when one scanner reads the original text, else before the piece between added
    /// tokens that did not fit (normalizers and prefixes act per piece).
    /// </summary>
    public unsafe OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed,
        out int idsWritten, SpecialTokenPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        fixed (int* p = destination)
        {
            var sink = new SpanSink(p, destination.Length);
            int emitted = 0;
            bool done = Encode(text, ref sink, policy, out charsConsumed, ref emitted);
            idsWritten = emitted;
            return done ? OperationStatus.Done : OperationStatus.DestinationTooSmall;
        }
    }

    /// <summary>
    /// The bytes of token <paramref name="id"/>. A SentencePiece-style model's token is decoded alone, as in the middle
    /// of a text: a byte-fallback token is its byte, and the decoder's Replace and Metaspace steps turn the meta space
    /// into a space (Strip, which depends on the token's place, is not applied; <see cref="Decode"/> and the streaming
    /// decoder apply the whole chain).
    /// </summary>
    /// <inheritdoc cref="ITokenizer.DecodeToBytes"/>
    public int DecodeToBytes(int id, Span<byte> destination)
    {
        ReadOnlySpan<byte> token = _encoder.TokenBytes(id);
        if (_textDecoder is not null)
        {
            if (_byteFallbackDecoder && TokenDecoding.TryParseByteToken(token, out byte b))
            {
                if (destination.IsEmpty) return -1;
                destination[0] = b;
                return 1;
            }
            if (_perTokenReplacements.Length > 0)
            {
                string text = Encoding.UTF8.GetString(token);
                for (int i = 0; i < _perTokenReplacements.Length; i += 2)
                    text = text.Replace(_perTokenReplacements[i], _perTokenReplacements[i + 1], StringComparison.Ordinal);
                if (Encoding.UTF8.GetByteCount(text) > destination.Length) return -1;
                return Encoding.UTF8.GetBytes(text, destination);
            }
        }
        if (token.Length > destination.Length) return -1;
        token.CopyTo(destination);
        return token.Length;
    }

    /// <summary>The decoder chain of a SentencePiece-style model (null for a byte-level one, whose tokens are bytes).</summary>
    internal TokenTextDecoder? TextDecoder => _textDecoder;

    /// <summary>Token <paramref name="id"/> as Hugging Face's <c>id_to_token</c> gives it (an added token's content first).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No token has this id.</exception>
    internal string TokenText(int id) => Encoding.UTF8.GetString(_encoder.TokenBytes(id));

    /// <summary>
    /// The bytes token <paramref name="id"/> spells in the text it was encoded from, for locating it there: its vocabulary
    /// bytes (a meta space stays one), a byte-fallback token's byte (written to <paramref name="one"/>).
    /// </summary>
    internal ReadOnlySpan<byte> AlignmentBytes(int id, Span<byte> one)
    {
        ReadOnlySpan<byte> token = _encoder.TokenBytes(id);
        if (!_byteFallbackDecoder || !TokenDecoding.TryParseByteToken(token, out byte b)) return token;
        one[0] = b;
        return one[..1];
    }

    /// <summary>Whether the normalizer puts text before every piece (<c>Prepend</c>): token offsets count it as added, even before a space.</summary>
    internal bool PrependsToText { get; }

    private static bool Prepends(NormalizerDef? normalizer) => normalizer switch
    {
        PrependNormalizerDef prepend => prepend.Prepend.Length > 0,
        SequenceNormalizerDef sequence => Array.Exists(sequence.Items, Prepends),
        _ => false,
    };

    /// <summary>The id of the token whose <see cref="TokenText"/> is <paramref name="token"/>: a special token, else a vocabulary entry.</summary>
    internal bool TryGetId(ReadOnlySpan<char> token, out int id) => TokenLookup.TryGetId(token, _specialTokens, new Vocabulary(_encoder), out id);

    private readonly struct Vocabulary(BpePieceEncoder encoder) : TokenLookup.IByteVocabulary
    {
        public bool TryGetId(ReadOnlySpan<byte> token, out int id) => encoder.GetView().TryGetId(token, out id);
    }

    /// <summary>Hugging Face's <c>decode(ids, skip_special_tokens=false)</c>; invalid UTF-8 becomes U+FFFD as in <c>from_utf8_lossy</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in the vocabulary.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (_textDecoder is not null)
        {
            var tokens = new List<string>();
            foreach (int id in ids) tokens.Add(TokenText(id));
            return _textDecoder.Decode(tokens);
        }
        var buffer = new PooledByteBuffer(256);
        try
        {
            foreach (int id in ids) buffer.Append(_encoder.TokenBytes(id));
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// Encodes all of <paramref name="text"/>; false when the sink filled up. <paramref name="consumed"/> is where to
    /// resume and <paramref name="emitted"/> the ids up to there.
    /// </summary>
    private bool Encode<TSink>(ReadOnlySpan<char> text, ref TSink sink, SpecialTokenPolicy policy, out int consumed, ref int emitted)
        where TSink : struct, ITokenSink
    {
        // Hugging Face receives UTF-8: a lone surrogate is U+FFFD (same length, so positions hold).
        string? clean = UnicodeRules.ReplaceLoneSurrogates(text);
        if (clean is not null) text = clean;
        // One view of the encoder's tables for the whole text: text that added tokens cut into many gaps (Gemma 3's
        // newlines and tabs are added tokens) would otherwise make one, and fetch the thread's word cache, per gap.
        var view = _encoder.GetEncodingView();
        if (_rawTokens is null) return EncodeGap(view, text, 0, text.Length, ref sink, policy, out consumed, ref emitted);

        if (policy.ThrowsOnDisallowed)
        {
            // Refuse before writing anything.
            var check = _rawTokens.Split(text, policy);
            while (check.MoveNext(out _, out _, out _)) { }
        }
        var segments = _rawTokens.Split(text, policy);
        while (segments.MoveNext(out int start, out int end, out int id))
        {
            if (id < 0)
            {
                if (!EncodeGap(view, text, start, end, ref sink, policy, out consumed, ref emitted)) return false;
                continue;
            }
            if (!sink.TryAdd(id))
            {
                consumed = start;
                return false;
            }
            emitted++;
        }
        consumed = text.Length;
        return true;
    }

    /// <summary>A piece of the input between non-normalized added tokens: normalize, split off normalized added tokens, encode.</summary>
    private bool EncodeGap<TSink>(in BpePieceEncoder.View view, ReadOnlySpan<char> text, int start, int end, ref TSink sink, SpecialTokenPolicy policy,
        out int consumed, ref int emitted)
        where TSink : struct, ITokenSink
    {
        ReadOnlySpan<char> gap = text[start..end];
        if (_windowed is not null && _windowed.Changes(gap))
            return EncodeGapInWindows(view, text, start, end, ref sink, out consumed, ref emitted);
        // Normalized into a pooled array: a long text makes no string.
        var normalized = new PooledChars();
        try
        {
            bool changed = _normalizer is not null && _normalizer.NormalizeInto(gap, ref normalized);
            // Positions in the original text exist only while normalization changed nothing.
            return EncodeNormalizedGap(view, changed ? normalized.Span : gap, changed ? -1 : start, start, end, ref sink, policy, out consumed, ref emitted);
        }
        finally
        {
            normalized.Dispose();
        }
    }

    /// <summary>
    /// <see cref="EncodeGap"/> after its normalizer: <paramref name="segment"/> is the gap normalized, and
    /// <paramref name="offset"/> its position in the text, or -1 when normalization changed it.
    /// </summary>
    private bool EncodeNormalizedGap<TSink>(in BpePieceEncoder.View view, ReadOnlySpan<char> segment, int offset, int start, int end, ref TSink sink,
        SpecialTokenPolicy policy, out int consumed, ref int emitted)
        where TSink : struct, ITokenSink
    {
        int emittedBefore = emitted;
        bool done;
        int stoppedAt;
        if (_normalizedTokens is null)
        {
            done = EncodeSegment(view, segment, offset, start == 0, ref sink, out stoppedAt, ref emitted);
        }
        else
        {
            done = true;
            stoppedAt = 0;
            var segments = _normalizedTokens.Split(segment, policy);
            while (segments.MoveNext(out int s, out int e, out int id))
            {
                if (id < 0)
                {
                    done = EncodeSegment(view, segment[s..e], offset < 0 ? -1 : offset + s, start == 0 && s == 0, ref sink, out stoppedAt, ref emitted);
                }
                else if (sink.TryAdd(id))
                {
                    emitted++;
                }
                else
                {
                    done = false;
                    stoppedAt = offset < 0 ? -1 : offset + s;
                }
                if (!done) break;
            }
        }
        if (done)
        {
            consumed = end;
            return true;
        }
        if (stoppedAt < 0)
        {
            // Not resumable inside this piece: resume at its start, as if none of it was written.
            stoppedAt = start;
            emitted = emittedBefore;
        }
        consumed = stoppedAt;
        return false;
    }

    /// <summary>True when long texts are normalized a window at a time (<see cref="WindowedNormalizer"/>).</summary>
    internal bool NormalizesInWindows => _windowed is not null;

    /// <summary>
    /// <see cref="EncodeGap"/> for a model that normalizes in windows: each window normalized into one buffer (on the
    /// stack for a short gap, such as the text between two of Gemma 3's added tokens, else pooled) and encoded, so
    /// nothing is allocated and memory stays a few thousand chars however long the text.
    /// </summary>
    private bool EncodeGapInWindows<TSink>(in BpePieceEncoder.View view, ReadOnlySpan<char> text, int start, int end, ref TSink sink, out int consumed, ref int emitted)
        where TSink : struct, ITokenSink
    {
        ReadOnlySpan<char> gap = text[start..end];
        WordCuts cuts = view.Cuts;
        int emittedBefore = emitted;
        const int StackChars = 256;
        char[]? rented = null;
        Span<char> buffer = stackalloc char[StackChars];
        try
        {
            for (int from = 0; from < gap.Length;)
            {
                int to = _windowed!.WindowEnd(gap, from, cuts);
                if (buffer.Length < to - from + _windowed.PrefixLength)
                {
                    if (rented is not null) ArrayPool<char>.Shared.Return(rented);
                    buffer = rented = ArrayPool<char>.Shared.Rent(Math.Max(to - from + _windowed.PrefixLength, 2 * WindowedNormalizer.WindowChars));
                }
                int length = _windowed.Write(gap[from..to], from == 0, buffer);
                // Positions inside normalized text are not the caller's: a full sink redoes the gap whole, as EncodeGap does.
                if (!EncodeSegment(view, buffer[..length], -1, start == 0 && from == 0, ref sink, out _, ref emitted))
                {
                    consumed = start;
                    emitted = emittedBefore;
                    return false;
                }
                from = to;
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
        consumed = end;
        return true;
    }

    /// <summary>
    /// Pre-tokenizes and encodes one segment. <paramref name="offset"/> is its position in the original text, or -1
    /// when it has none (normalized); on a full sink <paramref name="stoppedAt"/> is the original position to resume
    /// at, or -1 when the segment must be redone whole.
    /// </summary>
    private bool EncodeSegment<TSink>(in BpePieceEncoder.View view, ReadOnlySpan<char> segment, int offset, bool atTextStart, ref TSink sink, out int stoppedAt, ref int emitted)
        where TSink : struct, ITokenSink
    {
        stoppedAt = -1;
        if (segment.IsEmpty) return true;
        if (_streamable)
        {
            int done = EncodeScanned(view, segment, ref sink, ref emitted);
            if (done == segment.Length) return true;
            if (offset >= 0) stoppedAt = offset + done;
            return false;
        }
        var consumer = new EncodingConsumer<TSink>(_encoder, sink);
        try
        {
            bool done = _pipeline.Run(segment, ref consumer, atTextStart);
            sink = consumer.Sink;
            emitted += consumer.Emitted;
            return done;
        }
        finally
        {
            consumer.Dispose();
        }
    }

    /// <summary>
    /// The fast path: the scanner's pieces (or the whole segment) straight into the encoder, through one view of its
    /// tables for the whole text; returns the chars done. A piece that is one token takes the view's inlined walk
    /// and goes to the sink as one id, as in <see cref="BytePairModel"/>.
    /// </summary>
    private int EncodeScanned<TSink>(in BpePieceEncoder.View view, ReadOnlySpan<char> segment, ref TSink sink, ref int emitted)
        where TSink : struct, ITokenSink
    {
        PreTokenizer? scanner = _scanner;
        Span<int> stackIds = stackalloc int[StackIds];
        // A piece's UTF-8, for the encoder: one buffer for the text rather than one per piece.
        Span<byte> stackBytes = stackalloc byte[StackIds];
        int[]? rented = null;
        try
        {
            int pos = 0;
            while (pos < segment.Length)
            {
                int length = scanner is null ? segment.Length - pos : scanner.NextPieceLength(segment, pos);
                ReadOnlySpan<char> piece = segment.Slice(pos, length);
                if (view.TryEncodeWhole(piece, out int id, out bool lookedUp))
                {
                    if (!sink.TryAdd(id)) return pos;
                    emitted++;
                    pos += length;
                    continue;
                }
                Span<int> ids = stackIds;
                Span<byte> bytes = stackBytes;
                if (length * 3 > StackIds)
                {
                    if (rented is null || rented.Length < length * 3)
                    {
                        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
                        rented = ArrayPool<int>.Shared.Rent(length * 3);
                    }
                    ids = rented;
                    bytes = default;
                }
                int count = view.EncodeParts(piece, ids, lookedUp, bytes);
                if (!sink.TryAdd(ids[..count])) return pos;
                emitted += count;
                pos += length;
            }
            return pos;
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Encodes each piece it is handed, into a sink it holds until the pipeline is done.</summary>
    private struct EncodingConsumer<TSink>(BpePieceEncoder encoder, TSink sink) : IPieceConsumer
        where TSink : struct, ITokenSink
    {
        public TSink Sink = sink;
        public int Emitted;
        private int[]? _scratch;

        public bool Take(ReadOnlySpan<char> piece)
        {
            int need = Math.Max(piece.Length * 3, 4);
            if (_scratch is null || _scratch.Length < need)
            {
                if (_scratch is not null) ArrayPool<int>.Shared.Return(_scratch);
                _scratch = ArrayPool<int>.Shared.Rent(need);
            }
            int count = encoder.Encode(piece, _scratch);
            if (!Sink.TryAdd(_scratch.AsSpan(0, count))) return false;
            Emitted += count;
            return true;
        }

        public void Dispose()
        {
            if (_scratch is not null) ArrayPool<int>.Shared.Return(_scratch);
            _scratch = null;
        }
    }

    /// <summary>
    /// The added tokens of each pass, in Hugging Face's order (special tokens, then the others; each in file order).
    /// A normalized token matches its content as the normalizer leaves it.
    /// </summary>
    private static (AddedTokenSet? Raw, AddedTokenSet? Normalized) BuildAddedTokens(AddedTokenDef[] tokens, TextNormalizer? normalizer)
    {
        var raw = new List<AddedTokenDef>();
        var normalized = new List<AddedTokenDef>();
        var normalizedPatterns = new List<string>();
        foreach (bool special in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var token in tokens)
            {
                if (token.Special != special || token.Content.Length == 0) continue;
                if (!token.Normalized)
                {
                    raw.Add(token);
                    continue;
                }
                normalized.Add(token);
                normalizedPatterns.Add(normalizer?.Normalize(token.Content) ?? token.Content);
            }
        }
        var rawPatterns = new List<string>(raw.Count);
        foreach (var token in raw) rawPatterns.Add(token.Content);
        return (raw.Count == 0 ? null : new AddedTokenSet(raw.ToArray(), rawPatterns),
            normalized.Count == 0 ? null : new AddedTokenSet(normalized.ToArray(), normalizedPatterns));
    }
}
