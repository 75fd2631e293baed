using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.RegularExpressions;
using Tokenizers.Bpe;
using Tokenizers.Data;
using Tokenizers.Notebook;

namespace Tokenizers.WordLevel;

/// <summary>
/// A word-level tokenizer (the notebook's SimpleTokenizerV1/V2) over generated constant tables: split the text
/// into words, look each up in an open-addressing hash table laid out at compile time, and either map unknown
/// words to the unknown token (V2) or throw <see cref="UnknownWordException"/> (V1).
/// </summary>
/// <remarks>
/// The default split is the notebook's pattern through an allocation-free scanner. Any other pattern runs through
/// <see cref="Regex"/> with Python's <c>re.split</c> semantics: the text between matches and the text of every
/// capturing group are pieces, and blank pieces are dropped. Word lists have no special tokens, so the
/// <see cref="SpecialTokenPolicy"/> of <see cref="ITokenizer"/> does not change the result.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WordLevelModel
{
    private readonly string _words, _wordOffsets, _buckets;
    private readonly int _unknownId;
    private readonly Regex? _regex;

    /// <param name="words">All words, back to back.</param>
    /// <param name="wordOffsets">int32 start of every word in <paramref name="words"/>, plus the end (packed two bytes a char).</param>
    /// <param name="buckets">int32 hash buckets (a power of two of them): a word id, or -1 where empty.</param>
    /// <param name="unknownId">Id that unknown words get, or -1 to throw on them.</param>
    /// <param name="pattern">The split pattern; null for the notebook's.</param>
    public WordLevelModel(string words, string wordOffsets, string buckets, int unknownId, string? pattern)
    {
        PackedData.EnsureLittleEndian();
        _words = words;
        _wordOffsets = wordOffsets;
        _buckets = buckets;
        _unknownId = unknownId;
        VocabularySize = PackedData.AsInt32(wordOffsets).Length - 1;
        if (pattern is not null && pattern != NotebookWordSplitter.Pattern)
        {
            _regex = new Regex(pattern, RegexOptions.CultureInvariant);
            Pattern = pattern;
        }
    }

    public int VocabularySize { get; }

    /// <summary>The id unknown words get, or null when they throw.</summary>
    public int? UnknownId => _unknownId >= 0 ? _unknownId : null;

    /// <summary>The split pattern.</summary>
    public string Pattern { get; } = NotebookWordSplitter.Pattern;

    /// <summary>The word of <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not in the vocabulary.</exception>
    public string GetToken(int id) => TokenSpan(id).ToString();

    internal ReadOnlySpan<char> TokenSpan(int id)
    {
        ReadOnlySpan<int> offsets = PackedData.AsInt32(_wordOffsets);
        if ((uint)id >= (uint)VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is not in the vocabulary (ids are 0..{VocabularySize - 1}).");
        return _words.AsSpan(offsets[id], offsets[id + 1] - offsets[id]);
    }

    /// <summary>Looks a word up in the compiled hash table.</summary>
    public bool TryGetId(ReadOnlySpan<char> word, out int id)
    {
        ReadOnlySpan<int> buckets = PackedData.AsInt32(_buckets);
        ReadOnlySpan<int> offsets = PackedData.AsInt32(_wordOffsets);
        int mask = buckets.Length - 1;
        for (int slot = (int)(WordHash.Of(word) & (uint)mask); ; slot = (slot + 1) & mask)
        {
            int candidate = buckets[slot];
            if (candidate < 0) break;
            int start = offsets[candidate];
            if (_words.AsSpan(start, offsets[candidate + 1] - start).SequenceEqual(word))
            {
                id = candidate;
                return true;
            }
        }
        id = -1;
        return false;
    }

    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<int> EncodeToIds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new PooledIdSink(text.Length / 4 + 4);
        try
        {
            Encode(text.AsSpan(), text, ref sink, out _);
            return sink.ToArray();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>Word lists have no special tokens: <paramref name="policy"/> changes nothing, but must be given.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="policy"/> is null.</exception>
    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return EncodeToIds(text);
    }

    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountTokens(text.AsSpan());
    }

    public int CountTokens(ReadOnlySpan<char> text)
    {
        var sink = new CountingSink();
        Encode(text, null, ref sink, out _);
        return sink.Count;
    }

    public unsafe OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten)
    {
        fixed (int* p = destination)
        {
            var sink = new SpanSink(p, destination.Length);
            bool done = Encode(text, null, ref sink, out charsConsumed);
            idsWritten = sink.Written;
            return done ? OperationStatus.Done : OperationStatus.DestinationTooSmall;
        }
    }

    /// <summary>The notebook's decode: words joined by spaces, without the space before punctuation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in the vocabulary.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    public string Decode(IEnumerable<int> ids) => WordJoiner.Join(this, ids ?? throw new ArgumentNullException(nameof(ids)));

    /// <summary>The UTF-8 bytes of one word; -1 when <paramref name="destination"/> is too small.</summary>
    public int DecodeToBytes(int id, Span<byte> destination)
    {
        ReadOnlySpan<char> token = TokenSpan(id);
        if (Encoding.UTF8.GetByteCount(token) > destination.Length) return -1;
        return Encoding.UTF8.GetBytes(token, destination);
    }

    /// <summary>Encodes into <paramref name="sink"/>; false when it filled up, with <paramref name="consumed"/> where to resume.</summary>
    private bool Encode<TSink>(ReadOnlySpan<char> text, string? textString, ref TSink sink, out int consumed)
        where TSink : struct, ITokenSink
    {
        if (_regex is not null) return EncodeWithRegex(textString ?? text.ToString(), ref sink, out consumed);
        int position = 0;
        Span<int> one = stackalloc int[1];
        while (NotebookWordSplitter.TryNextWord(text, ref position, out int start, out int length))
        {
            one[0] = IdOf(text.Slice(start, length), start);
            if (!sink.TryAdd(one))
            {
                consumed = start;
                return false;
            }
        }
        consumed = text.Length;
        return true;
    }

    /// <summary>
    /// Python's <c>re.split</c>: the text before each match, then the match's groups, each a chunk that goes into
    /// the sink whole, so a full destination stops at a chunk's start.
    /// </summary>
    private bool EncodeWithRegex<TSink>(string text, ref TSink sink, out int consumed)
        where TSink : struct, ITokenSink
    {
        int groupCount = _regex!.GetGroupNumbers().Length;
        int[]? rented = groupCount > 64 ? ArrayPool<int>.Shared.Rent(groupCount) : null;
        Span<int> ids = rented is not null ? rented : stackalloc int[64];
        try
        {
            int last = 0;
            for (Match match = _regex.Match(text); match.Success; match = match.NextMatch())
            {
                if (!Add(ref sink, text, last, match.Index - last, ids, out consumed)) return false;
                int count = 0;
                for (int g = 1; g < match.Groups.Count; g++)
                {
                    Group group = match.Groups[g];
                    if (group.Success && !PythonWhitespace.IsBlank(text.AsSpan(group.Index, group.Length)))
                        ids[count++] = IdOf(text.AsSpan(group.Index, group.Length), group.Index);
                }
                if (!sink.TryAdd(ids[..count]))
                {
                    consumed = match.Index;
                    return false;
                }
                last = match.Index + match.Length;
            }
            if (!Add(ref sink, text, last, text.Length - last, ids, out consumed)) return false;
            consumed = text.Length;
            return true;
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    private bool Add<TSink>(ref TSink sink, string text, int start, int length, Span<int> ids, out int consumed)
        where TSink : struct, ITokenSink
    {
        consumed = start;
        ReadOnlySpan<char> piece = text.AsSpan(start, length);
        if (PythonWhitespace.IsBlank(piece)) return true;
        ids[0] = IdOf(piece, start);
        return sink.TryAdd(ids[..1]);
    }

    private int IdOf(ReadOnlySpan<char> word, int position)
    {
        if (TryGetId(word, out int id)) return id;
        if (_unknownId >= 0) return _unknownId;
        throw new UnknownWordException(word.ToString(), position);
    }
}
