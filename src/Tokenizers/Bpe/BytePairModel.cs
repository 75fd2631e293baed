using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.Offsets;
using Tokenizers.PreTokenization;

namespace Tokenizers.Bpe;

/// <summary>
/// A byte-level BPE tokenizer over generated constant tables: pre-tokenize, look each piece up whole in the trie,
/// otherwise merge its bytes by rank. Holds only references to string literals, so creating it costs nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BytePairModel
{
    private readonly ConstantTable _trie, _tokenBytes, _tokenOffsets, _rankToId, _splits, _crossFloors;
    private readonly PreTokenizer _preTokenizer;
    private readonly SpecialToken[] _specialTokens;
    private readonly bool _mergeRule;

    /// <summary>
    /// The tables as <see cref="ConstantTable"/>s, read in place from the assembly's metadata (what generated code passes);
    /// <paramref name="rankToId"/> and <paramref name="splits"/> may be <c>default</c> (empty).
    /// </summary>
    public BytePairModel(ConstantTable trie, ConstantTable tokenBytes, ConstantTable tokenOffsets, ConstantTable rankToId,
        PreTokenizer preTokenizer, SpecialToken[] specialTokens, ConstantTable splits)
        : this(trie, tokenBytes, tokenOffsets, rankToId, preTokenizer, specialTokens, splits, huggingFaceMergeRule: false)
    {
    }

    /// <summary>
    /// The same, with the floors of the vocabulary's boundary checks (Tokenizers.Compilation.CrossFloorTable), which
    /// the generator builds for the backtracking encoder.
    /// </summary>
    public BytePairModel(ConstantTable trie, ConstantTable tokenBytes, ConstantTable tokenOffsets, ConstantTable rankToId,
        PreTokenizer preTokenizer, SpecialToken[] specialTokens, ConstantTable splits, ConstantTable crossFloors)
        : this(trie, tokenBytes, tokenOffsets, rankToId, preTokenizer, specialTokens, splits, huggingFaceMergeRule: false)
    {
        CrossFloorTable.CheckLength(crossFloors.Chars, nameof(crossFloors));
        _crossFloors = crossFloors;
    }

    /// <summary>
    /// The same; with <paramref name="huggingFaceMergeRule"/>, <paramref name="splits"/> are per rank the left length
    /// of the one merge that builds the token under Hugging Face's rule, and pieces merge by that rule (a vocab.json +
    /// merges.txt pair whose merges disagree with the token order, where the backtracking encoder would not be exact).
    /// </summary>
    public BytePairModel(ConstantTable trie, ConstantTable tokenBytes, ConstantTable tokenOffsets, ConstantTable rankToId,
        PreTokenizer preTokenizer, SpecialToken[] specialTokens, ConstantTable splits, bool huggingFaceMergeRule)
    {
        _mergeRule = huggingFaceMergeRule;
        PackedData.EnsureLittleEndian();
        _trie = trie;
        _tokenBytes = tokenBytes;
        _tokenOffsets = tokenOffsets;
        _rankToId = rankToId;
        _preTokenizer = preTokenizer;
        _specialTokens = specialTokens;
        _splits = splits;
        VocabularySize = tokenOffsets.UInt32s.Length - 1;
    }

    public int VocabularySize { get; }

    public IReadOnlyList<SpecialToken> SpecialTokens => _specialTokens;

    private DoubleArrayTrie Trie => new(_trie.UInt32s);

    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="policy"/> is null.</exception>
    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(policy);
        var sink = new PooledIdSink(text.Length / 3 + 4);
        try
        {
            Encode(text.AsSpan(), ref sink, policy, out _);
            return sink.ToArray();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="policy"/> is null.</exception>
    public int CountTokens(string text, SpecialTokenPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountTokens(text.AsSpan(), policy);
    }

    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var sink = new CountingSink();
        Encode(text, ref sink, policy, out _);
        return sink.Count;
    }

    public unsafe OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed,
        out int idsWritten, SpecialTokenPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        fixed (int* p = destination)
        {
            var sink = new SpanSink(p, destination.Length);
            bool done = Encode(text, ref sink, policy, out charsConsumed);
            idsWritten = sink.Written;
            return done ? OperationStatus.Done : OperationStatus.DestinationTooSmall;
        }
    }

    /// <summary>Encodes all of <paramref name="text"/> into <paramref name="sink"/>; false when the sink filled up at <paramref name="consumed"/>.</summary>
    private bool Encode<TSink>(ReadOnlySpan<char> text, ref TSink sink, SpecialTokenPolicy policy, out int consumed)
        where TSink : struct, ITokenSink
    {
        if (!policy.IsActive || _specialTokens.Length == 0) return EncodeOrdinary(text, 0, text.Length, ref sink, out consumed);

        if (policy.ThrowsOnDisallowed) SpecialTokenSearch.ThrowIfDisallowed(text, _specialTokens, policy);
        int pos = 0;
        var cursor = new SpecialTokenSearch.Cursor(text, _specialTokens, policy,
            _specialTokens.Length <= SpecialTokenSearch.StackLimit ? stackalloc int[SpecialTokenSearch.StackLimit] : new int[_specialTokens.Length]);
        while (true)
        {
            int at = cursor.FindAllowed(pos, out SpecialToken special);
            int end = at < 0 ? text.Length : at;
            if (!EncodeOrdinary(text, pos, end, ref sink, out consumed)) return false;
            if (at < 0) return true;
            Span<int> one = [special.Id];
            if (!sink.TryAdd(one))
            {
                consumed = at;
                return false;
            }
            pos = at + special.Text.Length;
        }
    }

    private bool EncodeOrdinary<TSink>(ReadOnlySpan<char> text, int from, int to, ref TSink sink, out int consumed)
        where TSink : struct, ITokenSink
    {
        var trie = Trie;
        ReadOnlySpan<int> rankToId = _rankToId.Int32s;
        ReadOnlySpan<char> splits = _splits.Chars;
        ReadOnlySpan<char> floors = _crossFloors.Chars;
        PreTokenizer preTokenizer = _preTokenizer;
        ReadOnlySpan<char> span = text[..to];
        const int StackBytes = 384;
        Span<byte> stackBytes = stackalloc byte[StackBytes];
        Span<int> stackIds = stackalloc int[StackBytes];
        byte[]? rentedBytes = null;
        int[]? rentedIds = null;
        try
        {
            int pos = from;
            while (pos < to)
            {
                int len = preTokenizer.NextPieceLength(span, pos);
                ReadOnlySpan<char> chars = span.Slice(pos, len);

                // Most pieces are ASCII and a token whole: walk the trie on the chars, with no transcoding.
                int whole = WholeAsciiToken(trie, chars);
                if (whole >= 0)
                {
                    if (!sink.TryAdd(rankToId.IsEmpty ? whole : rankToId[whole]))
                    {
                        consumed = pos;
                        return false;
                    }
                    pos += len;
                    continue;
                }

                int maxBytes = len * 3;
                Span<byte> bytes = stackBytes;
                Span<int> ids = stackIds;
                if (maxBytes > StackBytes)
                {
                    if (rentedBytes is null || rentedBytes.Length < maxBytes)
                    {
                        if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
                        if (rentedIds is not null) ArrayPool<int>.Shared.Return(rentedIds);
                        rentedBytes = ArrayPool<byte>.Shared.Rent(maxBytes);
                        rentedIds = ArrayPool<int>.Shared.Rent(maxBytes);
                    }
                    bytes = rentedBytes;
                    ids = rentedIds;
                }
                int byteCount = Utf8.Encode(chars, bytes);
                int count = EncodePiece(trie, splits, floors, _mergeRule, bytes[..byteCount], ids, lookedUp: whole == NotAToken);
                if (!rankToId.IsEmpty)
                    for (int i = 0; i < count; i++) ids[i] = rankToId[ids[i]];
                if (!sink.TryAdd(ids[..count]))
                {
                    consumed = pos;
                    return false;
                }
                pos += len;
            }
            consumed = to;
            return true;
        }
        finally
        {
            if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
            if (rentedIds is not null) ArrayPool<int>.Shared.Return(rentedIds);
        }
    }

    internal const int NotAToken = -1, NotAscii = -2;

    /// <summary>
    /// The rank of a piece that is one token, found by walking its chars while they are ASCII: <see cref="NotAToken"/>
    /// when the walk leaves the trie (no token starts with that prefix), <see cref="NotAscii"/> when a char before that
    /// is not ASCII (the bytes must be looked up).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int WholeAsciiToken(DoubleArrayTrie trie, ReadOnlySpan<char> chars)
    {
        int node = DoubleArrayTrie.Root;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c >= 0x80) return NotAscii;
            node = trie.Child(node, (byte)c);
            if (node < 0) return NotAToken;
        }
        return trie.Value(node);
    }

    /// <summary>
    /// Ranks of one piece's tokens: the whole piece when it is a token, else the backtracking encoder (linear, and
    /// faster than merging even on short pieces), or merging by rank for tables generated without splits, or by
    /// Hugging Face's rule (<paramref name="mergeRule"/>: the splits are the merges that build each token).
    /// </summary>
    private static int EncodePiece(DoubleArrayTrie trie, ReadOnlySpan<char> splits, ReadOnlySpan<char> floors, bool mergeRule, ReadOnlySpan<byte> piece, Span<int> ranks, bool lookedUp)
    {
        // The backtracking encoder's first step is the whole-piece lookup, so only the merging fallback needs it.
        if (!splits.IsEmpty && !mergeRule)
        {
            int count = BacktrackingEncoder.Encode(trie, splits, floors, piece, ranks);
            if (count >= 0) return count;
        }
        if (!lookedUp)
        {
            int whole = trie.Lookup(piece);
            if (whole >= 0)
            {
                ranks[0] = whole;
                return 1;
            }
        }
        return BytePairMerger.Merge(trie, piece, ranks, mergeRule ? splits : default);
    }

    /// <inheritdoc cref="ITokenizer.DecodeToBytes"/>
    public int DecodeToBytes(int id, Span<byte> destination)
    {
        ReadOnlySpan<byte> token = TokenBytes(id);
        if (token.Length > destination.Length) return -1;
        token.CopyTo(destination);
        return token.Length;
    }

    /// <summary>The bytes of token <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not in the vocabulary.</exception>
    public ReadOnlySpan<byte> TokenBytes(int id) => TokenBytes(_tokenBytes, _tokenOffsets, id);

    /// <summary>The bytes of token <paramref name="id"/> in a token table (every id's bytes, and uint32 offsets per id plus one).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not in the vocabulary, or has no bytes.</exception>
    internal static ReadOnlySpan<byte> TokenBytes(ConstantTable tokenBytes, ConstantTable tokenOffsets, int id)
    {
        ReadOnlySpan<uint> offsets = tokenOffsets.UInt32s;
        if ((uint)id < (uint)(offsets.Length - 1))
        {
            int start = (int)offsets[id], end = (int)offsets[id + 1];
            if (end > start) return tokenBytes.Bytes.Slice(start, end - start);
        }
        throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is not in the vocabulary (ids are 0..{offsets.Length - 2}).");
    }

    /// <summary>The id of a special token's text, or of the token whose bytes are <paramref name="token"/>'s UTF-8.</summary>
    public bool TryGetId(ReadOnlySpan<char> token, out int id) => TokenLookup.TryGetId(token, _specialTokens, new Vocabulary(this), out id);

    private readonly struct Vocabulary(BytePairModel model) : TokenLookup.IByteVocabulary
    {
        public bool TryGetId(ReadOnlySpan<byte> token, out int id)
        {
            int rank = token.IsEmpty ? -1 : model.Trie.Lookup(token);
            ReadOnlySpan<int> rankToId = model._rankToId.Int32s;
            id = rank < 0 ? -1 : rankToId.IsEmpty ? rank : rankToId[rank];
            return id >= 0;
        }
    }

    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var buffer = new PooledByteBuffer(256);
        try
        {
            foreach (int id in ids) buffer.Append(TokenBytes(id));
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Dispose();
        }
    }
}
