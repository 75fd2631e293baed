using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.Data;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The BPE model of a byte-level tokenizer.json: the ids of one pre-tokenized piece, exactly as Hugging Face's
/// <c>BPE::tokenize</c> gives them, over the tables of <see cref="HfBpeTableBuilder"/>. A piece that is a token is
/// that id; any other is merged by the encoder the builder chose: the linear backtracking encoder where Hugging Face's
/// merge order and tiktoken's rank order provably agree, else Hugging Face's rule itself (<see cref="BytePairMerger"/>
/// restricted to the one merge that builds each token). Holds table views, plus, for a vocabulary with guarded tokens,
/// a table of the bytes they begin with (<see cref="GuardFirstBytes"/>) or else an 8 KB set of their first bytes
/// (<see cref="GuardWindows"/>), which the constructor fills from the guard trie (microseconds).
/// </summary>
internal sealed class BpePieceEncoder
{
    /// <summary>The tables, in <see cref="HfBpeTableBuilder"/>'s order.</summary>
    public const int TableCount = 8;

    private const int StackBytes = 384;

    /// <summary>Where the info table of a SentencePiece-style model holds unk id + 1, fuse_unk, the meta char, and the blocked chars (after their count).</summary>
    private const int UnkAt = 3, FuseAt = 4, MetaAt = 5, BlockedAt = 7;

    private readonly ConstantTable _info, _trie, _splits, _rankToId, _guard, _tokenBytes, _tokenOffsets, _crossFloors;
    private readonly HfBpeTableBuilder.Encoder _encoder;
    private readonly bool _hasWholeOnly;
    private readonly bool _completeByteFallback;
    private readonly ulong[]? _guardWindows;
    private readonly int _guardWidth;
    private readonly byte[]? _guardFirstBytes;
    private readonly bool _runsMergeAlone;
    private readonly int _loneMetaId = -1;
    private readonly int _metaNode = DoubleArrayTrie.NoNode;
    private readonly AffixPairMerger? _affix;

    /// <param name="tables">Info, trie, splits, rank → id, guarded tokens, token bytes, token offsets, and the floors of
    /// the backtracking encoder's boundary checks (<see cref="CrossFloorTable"/>; empty for the merge rules).</param>
    /// <param name="model">The model's options (ignore_merges needs no table of its own: the builder puts the
    /// tokens only a whole piece can match in the trie, and none without it).</param>
    public BpePieceEncoder(IReadOnlyList<ConstantTable> tables, BpeModelDef model)
    {
        if (tables is null) throw new ArgumentNullException(nameof(tables));
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (tables.Count != TableCount) throw new ArgumentException($"A BPE model has {TableCount} tables, not {tables.Count}.", nameof(tables));
        PackedData.EnsureLittleEndian();
        ReadOnlySpan<uint> info = tables[0].UInt32s;
        var kind = (HfBpeTableBuilder.Encoder)(info.Length < 2 ? 0 : info[1]);
        if (info.Length < 3 || info[0] != HfBpeTableBuilder.LayoutVersion || info[1] > (uint)HfBpeTableBuilder.Encoder.CharGuardedBacktracking
            || (IsCharKind(kind) && (info.Length < BlockedAt || info.Length < BlockedAt + info[BlockedAt - 1])))
            throw new ArgumentException("The BPE tables are of another layout version.", nameof(tables));
        _encoder = (HfBpeTableBuilder.Encoder)info[1];
        _hasWholeOnly = info[2] != 0;
        _completeByteFallback = IsCharKind(kind) && HasEveryByte(info[(BlockedAt + (int)info[BlockedAt - 1])..]);
        _info = tables[0];
        _trie = tables[1];
        _splits = tables[2];
        _rankToId = tables[3];
        _guard = tables[4];
        if (_encoder is HfBpeTableBuilder.Encoder.GuardedBacktracking or HfBpeTableBuilder.Encoder.CharGuardedBacktracking)
        {
            var guard = new DoubleArrayTrie(_guard.UInt32s);
            _guardFirstBytes = GuardFirstBytes.TryBuild(guard);
            if (_guardFirstBytes is null) _guardWindows = GuardWindows.Build(guard, out _guardWidth);
        }
        _tokenBytes = tables[5];
        _tokenOffsets = tables[6];
        _crossFloors = tables[7];
        CrossFloorTable.CheckLength(_crossFloors.Chars, nameof(tables));
        _affix = _encoder == HfBpeTableBuilder.Encoder.AffixMergeRule ? new AffixPairMerger(info, _splits, _guard, model) : null;
        VocabularySize = _tokenOffsets.UInt32s.Length - 1;
        // A word's leading run of meta chars that merges alone hands a lone meta char at its end to the rest: its id.
        _runsMergeAlone = IsCharKind(kind) && (info[MetaAt] & MetaspaceCuts.RunFlag) != 0;
        if (IsCharKind(kind))
        {
            char meta = (char)info[MetaAt];
            byte[] metaBytes = Encoding.UTF8.GetBytes(new[] { meta });
            // The meta char's node, where WalkChars starts a word that begins with it (its cuts know the char).
            if (meta != '\0' && !char.IsSurrogate(meta)) _metaNode = new DoubleArrayTrie(_trie.UInt32s).Walk(DoubleArrayTrie.Root, metaBytes);
            if (_runsMergeAlone && GetView().TryGetId(metaBytes, out int metaId)) _loneMetaId = metaId;
        }
    }

    /// <summary>Whether every byte has a byte-fallback token (then no char is ever unk).</summary>
    private static bool HasEveryByte(ReadOnlySpan<uint> byteIds)
    {
        if (byteIds.Length < 256) return false;
        foreach (uint id in byteIds[..256])
            if (id == 0) return false;
        return true;
    }

    /// <summary>
    /// A SentencePiece-style model whose pieces are cut into words and have no token that only <c>ignore_merges</c>
    /// gives: its ids over a piece are those of its words, one after the other.
    /// </summary>
    public bool EncodesWordByWord => IsCharKind(_encoder) && !_hasWholeOnly && _affix is null;

    /// <summary>Whether an encoder merges chars (SentencePiece style), whose info table holds the cuts and the char fallbacks.</summary>
    private static bool IsCharKind(HfBpeTableBuilder.Encoder encoder) =>
        encoder is HfBpeTableBuilder.Encoder.CharMergeRule or HfBpeTableBuilder.Encoder.CharGuardedBacktracking;

    /// <summary>Largest id + 1 (added tokens included).</summary>
    public int VocabularySize { get; }

    /// <summary>How pieces that are not one token are merged.</summary>
    public HfBpeTableBuilder.Encoder Encoder => _encoder;

    /// <summary>The bytes of token <paramref name="id"/>, as Hugging Face's id_to_token and ByteLevel decoder give them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No token has this id.</exception>
    public ReadOnlySpan<byte> TokenBytes(int id) => BytePairModel.TokenBytes(_tokenBytes, _tokenOffsets, id);

    /// <summary>The tables as spans, for lookups (token ids, the cuts of words).</summary>
    public View GetView() => new(this, encoding: false);

    /// <summary>
    /// The tables as spans and this thread's word cache, for encoding many pieces: take one view per text (or batch)
    /// and call its <see cref="View.Encode(ReadOnlySpan{char}, Span{int})"/> per piece, which spares re-reading the
    /// tables and fetching the cache.
    /// </summary>
    public View GetEncodingView() => new(this, encoding: true);

    /// <inheritdoc cref="View.Encode(ReadOnlySpan{char}, Span{int})"/>
    public int Encode(ReadOnlySpan<char> piece, Span<int> ids) => GetEncodingView().Encode(piece, ids);

    /// <inheritdoc cref="View.Encode(ReadOnlySpan{byte}, Span{int})"/>
    public int Encode(ReadOnlySpan<byte> piece, Span<int> ids) => GetView().Encode(piece, ids);

    /// <summary>The encoder's tables as spans (a ref struct, so it lives on the stack of one encoding call).</summary>
    public readonly ref struct View
    {
        private readonly DoubleArrayTrie _trie;
        private readonly ReadOnlySpan<char> _splits;
        private readonly ReadOnlySpan<char> _floors;
        private readonly ReadOnlySpan<int> _rankToId;
        private readonly ReadOnlySpan<uint> _guard;
        private readonly ReadOnlySpan<ulong> _guardWindows;
        private readonly int _guardWidth;
        private readonly ReadOnlySpan<byte> _guardFirstBytes;
        private readonly int _loneMetaId;
        private readonly int _metaNode;
        private readonly ReadOnlySpan<uint> _info;
        private readonly HfBpeTableBuilder.Encoder _encoder;
        private readonly bool _hasWholeOnly;
        private readonly bool _completeByteFallback;
        private readonly CharFallback _fallback;
        private readonly WordCuts _cuts;
        private readonly BpePieceEncoder _owner;
        private readonly AffixPairMerger? _affix;
        private readonly MergedWordCache? _cache;

        /// <param name="encoder">The encoder whose tables it reads.</param>
        /// <param name="encoding">Whether it encodes chars, which looks merged words up in this thread's cache.</param>
        internal View(BpePieceEncoder encoder, bool encoding)
        {
            _affix = encoder._affix;
            _trie = new DoubleArrayTrie(encoder._trie.UInt32s);
            _splits = encoder._splits.Chars;
            _floors = encoder._crossFloors.Chars;
            _rankToId = encoder._rankToId.Int32s;
            _guard = encoder._guard.UInt32s;
            _guardWindows = encoder._guardWindows;
            _guardWidth = encoder._guardWidth;
            _guardFirstBytes = encoder._guardFirstBytes;
            _loneMetaId = encoder._loneMetaId;
            _metaNode = encoder._metaNode;
            _info = encoder._info.UInt32s;
            _encoder = encoder._encoder;
            _hasWholeOnly = encoder._hasWholeOnly;
            _completeByteFallback = encoder._completeByteFallback;
            _owner = encoder;
            // Fetched once for all the pieces the view encodes.
            _cache = encoding ? MergedWordCache.For(encoder) : null;
            if (IsCharLevel)
            {
                ReadOnlySpan<uint> info = _info;
                int byteIdsAt = BlockedAt + (int)info[BlockedAt - 1];
                _fallback = new CharFallback((int)info[UnkAt] - 1, info[FuseAt] != 0, info[byteIdsAt..]);
                _cuts = new WordCuts((char)info[MetaAt], info[BlockedAt..byteIdsAt], encoder._runsMergeAlone);
            }
        }

        /// <summary>
        /// Writes the ids of one pre-tokenized piece (its UTF-8 bytes are the symbols; a lone surrogate is U+FFFD) and
        /// returns their count. <paramref name="ids"/> must hold the piece's UTF-8 length (3 × its length always does).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Encode(ReadOnlySpan<char> piece, Span<int> ids)
        {
            if (TryEncodeWhole(piece, out int id, out bool lookedUp))
            {
                ids[0] = id;
                return 1;
            }
            return EncodeParts(piece, ids, lookedUp);
        }

        /// <summary>
        /// The id of a piece that is one token, found by walking its chars while they are ASCII (most pieces are both):
        /// no transcoding, inlined into the caller's loop. False when the piece needs <see cref="EncodeParts"/>;
        /// <paramref name="lookedUp"/> then says the whole piece is known not to be a token. (An empty piece ends at the
        /// root, which holds no token.)
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryEncodeWhole(ReadOnlySpan<char> piece, out int id, out bool lookedUp)
        {
            int whole = BytePairModel.WholeAsciiToken(_trie, piece);
            if (whole >= 0 || whole < BytePairModel.NotAscii)
            {
                id = IdOfWhole(whole);
                lookedUp = false;
                return true;
            }
            id = 0;
            lookedUp = whole == BytePairModel.NotAToken;
            return false;
        }

        /// <summary>The ids of a piece <see cref="TryEncodeWhole"/> did not take; <paramref name="ids"/> must hold 3 × its length.</summary>
        /// <remarks>
        /// A byte-level piece is looked up in the per-thread cache of merged words first, as Hugging Face caches its
        /// words: text repeats its words (prose, code, the inflected words of many languages).
        /// </remarks>
        /// <param name="piece">The piece.</param>
        /// <param name="ids">Room for its ids.</param>
        /// <param name="lookedUp">Whether the whole piece is known not to be a token.</param>
        /// <param name="scratch">Room for the piece's UTF-8 (3 × its length), which a caller encoding many pieces
        /// allocates once; when it is smaller (or empty), the piece finds its own.</param>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public int EncodeParts(ReadOnlySpan<char> piece, Span<int> ids, bool lookedUp, Span<byte> scratch = default)
        {
            if (IsCharLevel) return EncodeWords(piece, ids, lookedUp);
            var cache = Cache;
            // Where words do not repeat, the cache steps aside: nothing to hash, look up or keep.
            if (cache.StepsAside(piece.Length)) return EncodeBytes(piece, ids, lookedUp, scratch);
            int cached = cache.TryGet(piece, ids, out uint hash);
            if (cached >= 0) return cached;
            int count = EncodeBytes(piece, ids, lookedUp, scratch);
            cache.Add(piece, ids[..count], hash);
            return count;
        }

        /// <summary>This thread's word cache (a view for lookups only fetches it when it encodes after all).</summary>
        private MergedWordCache Cache => _cache ?? MergedWordCache.For(_owner);

        /// <summary>A SentencePiece-style model: its symbols are chars.</summary>
        private bool IsCharLevel => IsCharKind(_encoder);

        /// <summary>Where a SentencePiece-style piece is cut into words (no cuts for other models).</summary>
        public WordCuts Cuts => _cuts;

        /// <summary>
        /// A SentencePiece-style piece: with ignore_merges the whole piece may be a token; else each word the builder's
        /// cuts give is a token whole (walked in the trie on its chars, no transcoding) or merged char by char.
        /// </summary>
        private int EncodeWords(ReadOnlySpan<char> piece, Span<int> ids, bool lookedUp)
        {
            if (_hasWholeOnly && !lookedUp)
            {
                int value = WalkChars(piece);
                if (value >= 0 || value < BytePairModel.NotAscii)
                {
                    ids[0] = IdOfWhole(value);
                    return 1;
                }
                lookedUp = true;
            }
            int count = 0;
            MergedWordCache cache = Cache;
            for (int start = 0; start < piece.Length;)
            {
                int end = _cuts.WordEnd(piece, start);
                // Only a whole piece may be a token merging never builds (ignore_merges), so words take ranks alone.
                count += EncodeWord(piece[start..end], ids[count..], end - start == piece.Length && lookedUp, cache);
                start = end;
            }
            return count;
        }

        /// <summary>One word of a SentencePiece-style piece: a token whole, else cached in <paramref name="cache"/>, else merged.</summary>
        private int EncodeWord(ReadOnlySpan<char> word, Span<int> ids, bool lookedUp, MergedWordCache cache)
        {
            int rank = lookedUp ? -1 : WalkChars(word);
            if (rank >= 0)
            {
                ids[0] = _rankToId.IsEmpty ? rank : _rankToId[rank];
                return 1;
            }
            int cached = cache.TryGet(word, ids, out uint hash);
            if (cached >= 0) return cached;
            int run = _cuts.LeadingRun(word);
            // Transcoded, then (known not to be one token) straight to MergeChars.
            int merged = run > 0 ? EncodeAfterRun(word, run, ids, cache) : EncodeBytes(word, ids, lookedUp: true, scratch: default);
            cache.Add(word, ids[..merged], hash);
            return merged;
        }

        /// <summary>
        /// A word whose leading run of meta chars merges alone (indentation, in code): the run's ids, then the rest's,
        /// the rest taking the run's last meta char back when that is a token of its own.
        /// </summary>
        private int EncodeAfterRun(ReadOnlySpan<char> word, int run, Span<int> ids, MergedWordCache cache)
        {
            int count = EncodeWord(word[..run], ids, lookedUp: false, cache);
            int rest = run;
            if (ids[count - 1] == _loneMetaId)
            {
                count--;
                rest--;
            }
            return count + EncodeWord(word[rest..], ids[count..], lookedUp: false, cache);
        }

        /// <summary>The trie value of the token <paramref name="chars"/> spell (their UTF-8 walked as it is made; a lone surrogate is U+FFFD), or -1.</summary>
        private int WalkChars(ReadOnlySpan<char> chars)
        {
            int node = DoubleArrayTrie.Root, i = 0;
            // Most words begin with the meta char (▁), whose node is known: its three trie steps are skipped.
            if (_metaNode >= 0 && !chars.IsEmpty && chars[0] == _cuts.Meta)
            {
                node = _metaNode;
                i = 1;
            }
            for (; i < chars.Length && node >= 0; i++)
            {
                uint c = chars[i];
                if (c < 0x80)
                {
                    node = _trie.Child(node, (byte)c);
                }
                else if (c < 0x800)
                {
                    node = _trie.Child(node, (byte)(0xC0 | (c >> 6)));
                    if (node >= 0) node = _trie.Child(node, (byte)(0x80 | (c & 0x3F)));
                }
                else if (!char.IsSurrogate((char)c))
                {
                    node = _trie.Child(node, (byte)(0xE0 | (c >> 12)));
                    if (node >= 0) node = _trie.Child(node, (byte)(0x80 | ((c >> 6) & 0x3F)));
                    if (node >= 0) node = _trie.Child(node, (byte)(0x80 | (c & 0x3F)));
                }
                else
                {
                    bool pair = char.IsHighSurrogate((char)c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
                    node = WalkRune(node, pair ? new Rune((char)c, chars[++i]) : Rune.ReplacementChar);
                }
            }
            return node >= 0 ? _trie.Value(node) : -1;
        }

        private int WalkRune(int node, Rune rune)
        {
            Span<byte> utf8 = stackalloc byte[4];
            return _trie.Walk(node, utf8[..rune.EncodeToUtf8(utf8)]);
        }

        /// <summary>A word that is not one token: backtracking where the builder proved it exact, else merged by Hugging Face's rule over its chars.</summary>
        private int MergeChars(ReadOnlySpan<byte> word, Span<int> ids)
        {
            // A word that spells a guarded token (code's indentation, runs of ▁ or newlines) merges by the rule at once.
            if (_encoder == HfBpeTableBuilder.Encoder.CharGuardedBacktracking && !ContainsGuarded(word))
            {
                int count = Backtrack(word, ids);
                if (count >= 0) return count;
                // A char that is not a token: with every byte's fallback token it is those ids, which no merge names,
                // so the runs of char tokens around it merge apart and backtrack on their own (spelling no guarded
                // token either, being parts of the word).
                if (_completeByteFallback) return EncodeAroundFallbacks(word, ids);
            }
            return CharPairMerger.Merge(_trie, _splits, _rankToId, _fallback, word, ids);
        }

        /// <summary>The ids of a run of chars that spells no guarded token, by the backtracking encoder; -1 when it holds a char that is not a token.</summary>
        private int Backtrack(ReadOnlySpan<byte> run, Span<int> ids)
        {
            int count = BacktrackingEncoder.Encode(_trie, _splits, _floors, run, ids);
            if (count > 0 && !_rankToId.IsEmpty)
                for (int i = 0; i < count; i++) ids[i] = _rankToId[ids[i]];
            return count;
        }

        private int EncodeAroundFallbacks(ReadOnlySpan<byte> word, Span<int> ids)
        {
            int count = 0, runStart = 0;
            for (int s = 0; s < word.Length;)
            {
                int e = s + CharPairMerger.SequenceLength(word[s]);
                int node = _trie.Walk(DoubleArrayTrie.Root, word[s..e]);
                if (node < 0 || _trie.Value(node) < 0)
                {
                    count += EncodeRun(word[runStart..s], ids[count..]);
                    for (int i = s; i < e; i++) ids[count++] = (int)_fallback.ByteIds[word[i]] - 1;
                    runStart = e;
                }
                s = e;
            }
            return count + EncodeRun(word[runStart..], ids[count..]);
        }

        private int EncodeRun(ReadOnlySpan<byte> run, Span<int> ids)
        {
            if (run.IsEmpty) return 0;
            int count = Backtrack(run, ids);
            return count >= 0 ? count : CharPairMerger.Merge(_trie, _splits, _rankToId, _fallback, run, ids);
        }

        /// <summary>The ids of a piece transcoded to UTF-8 in <paramref name="scratch"/>, or in its own buffer when that is too small.</summary>
        private int EncodeBytes(ReadOnlySpan<char> piece, Span<int> ids, bool lookedUp, Span<byte> scratch)
        {
            if (piece.IsEmpty) return 0;
            if (piece.Length * 3 > scratch.Length) return EncodeUnbuffered(piece, ids, lookedUp);
            int count = Utf8.Encode(piece, scratch);
            return Encode(scratch[..count], ids, lookedUp);
        }

        /// <summary>
        /// A piece without the caller's scratch: its UTF-8 on the stack, or pooled when long. Out of line, so that the
        /// buffered path does not pay for a stack buffer and its guard cookie per piece.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private int EncodeUnbuffered(ReadOnlySpan<char> piece, Span<int> ids, bool lookedUp)
        {
            if (piece.Length * 3 > StackBytes) return EncodeLong(piece, ids, lookedUp);
            Span<byte> bytes = stackalloc byte[StackBytes];
            int count = Utf8.Encode(piece, bytes);
            return Encode(bytes[..count], ids, lookedUp);
        }

        private int EncodeLong(ReadOnlySpan<char> piece, Span<int> ids, bool lookedUp)
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent(piece.Length * 3);
            try
            {
                int count = Utf8.Encode(piece, rented);
                return Encode(rented.AsSpan(0, count), ids, lookedUp);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        /// <summary>Writes the ids of a piece given as UTF-8 bytes; <paramref name="ids"/> must hold one per byte.</summary>
        public int Encode(ReadOnlySpan<byte> piece, Span<int> ids) => piece.IsEmpty ? 0 : Encode(piece, ids, lookedUp: false);

        /// <summary>The ids of a UTF-8 piece; <paramref name="lookedUp"/>: the whole piece is known not to be in the trie.</summary>
        private int Encode(ReadOnlySpan<byte> piece, Span<int> ids, bool lookedUp)
        {
            if (_hasWholeOnly && !lookedUp)
            {
                // ignore_merges: a piece that is a token merging never builds is still that one id. Every encoder
                // below gives a piece that is a token that one id too, so any token found here is the answer, and
                // none found spares them their own lookup.
                int value = _trie.Lookup(piece);
                if (value >= 0 || value < BytePairModel.NotAscii)
                {
                    ids[0] = IdOfWhole(value);
                    return 1;
                }
                lookedUp = true;
            }
            if (_affix is not null) return _affix.Merge(piece, ids);
            if (IsCharLevel)
            {
                int whole = lookedUp ? -1 : _trie.Lookup(piece);
                if (whole >= 0)
                {
                    ids[0] = IdOfWhole(whole);
                    return 1;
                }
                return MergeChars(piece, ids);
            }
            int count = -1;
            bool backtracking = _encoder == HfBpeTableBuilder.Encoder.Backtracking
                || (_encoder == HfBpeTableBuilder.Encoder.GuardedBacktracking && !ContainsGuarded(piece));
            // The backtracking encoder's first step is the whole-piece lookup, so only the merging path needs it.
            if (backtracking) count = BacktrackingEncoder.Encode(_trie, _splits, _floors, piece, ids);
            if (count < 0)
            {
                int rank = lookedUp ? -1 : _trie.Lookup(piece);
                if (rank >= 0)
                {
                    ids[0] = IdOfWhole(rank);
                    return 1;
                }
                // Where the rules agree, tiktoken's is the cheaper (no split check); elsewhere Hugging Face's.
                count = BytePairMerger.Merge(_trie, piece, ids, backtracking ? default : _splits);
            }
            if (!_rankToId.IsEmpty)
                for (int i = 0; i < count; i++) ids[i] = _rankToId[ids[i]];
            return count;
        }

        /// <summary>The id of the vocabulary token spelled by <paramref name="token"/>'s bytes.</summary>
        public bool TryGetId(ReadOnlySpan<byte> token, out int id)
        {
            int value = token.IsEmpty ? -1 : _trie.Lookup(token);
            id = value >= 0 || value < BytePairModel.NotAscii ? IdOfWhole(value) : -1;
            // Byte-fallback tokens are not in the trie (text never spells them): the info table lists them by byte.
            if (id < 0 && TokenDecoding.TryParseByteToken(token, out byte b) && _fallback.ByteIds.Length > b)
                id = (int)_fallback.ByteIds[b] - 1;
            return id >= 0;
        }

        /// <summary>The id of a whole-piece trie value: a rank, or a token only a whole piece matches (below -2).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int IdOfWhole(int value) =>
            value < BytePairModel.NotAscii ? value - int.MinValue : _rankToId.IsEmpty ? value : _rankToId[value];

        /// <summary>Whether a guarded token (one whose pieces the backtracking encoder would get wrong) is spelled inside the piece.</summary>
        private bool ContainsGuarded(ReadOnlySpan<byte> piece)
        {
            if (!_guardFirstBytes.IsEmpty) return ContainsGuardedFromFirstBytes(piece);
            ReadOnlySpan<ulong> windows = _guardWindows;
            int width = _guardWidth;
            if (windows.IsEmpty || piece.Length < width) return false;
            var guard = new DoubleArrayTrie(_guard);
            uint mask = GuardWindows.Mask(width);
            for (int i = 0; i + width <= piece.Length; i++)
                if (GuardWindows.MayStart(windows, GuardWindows.Window(piece, i, mask)) && StartsGuarded(guard, piece, i))
                    return true; // a guarded token starts here
            return false;
        }

        /// <summary><see cref="ContainsGuarded"/> where the guarded tokens begin with few bytes: walk from each position that holds one.</summary>
        private bool ContainsGuardedFromFirstBytes(ReadOnlySpan<byte> piece)
        {
            var guard = new DoubleArrayTrie(_guard);
            ReadOnlySpan<byte> first = _guardFirstBytes;
            for (int i = 0; i < piece.Length; i++)
                if (first[piece[i]] != 0 && StartsGuarded(guard, piece, i)) return true;
            return false;
        }

        /// <summary>Whether a guarded token starts at <paramref name="i"/>: walk the guard trie while the piece goes and the trie has it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool StartsGuarded(DoubleArrayTrie guard, ReadOnlySpan<byte> piece, int i)
        {
            int node = DoubleArrayTrie.Root;
            for (int j = i; j < piece.Length && (node = guard.Child(node, piece[j])) >= 0; j++)
                if (guard.Value(node) >= 0) return true;
            return false;
        }
    }
}
