using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using Tokenizers.Bpe;

namespace Tokenizers.Notebook;

/// <summary>
/// The notebook's SimpleBPETokenizer.encode, offered as an explicit alternative to merging by rank: over the UTF-8
/// bytes of the whole text (no pre-tokenization), the current token grows one byte at a time while the longer byte
/// string is itself a token; when it is not, the current token is emitted and the next starts at that byte.
/// </summary>
/// <remarks>
/// This is not BPE: it can pick different tokens than the merges would (and usually more of them). Use it to replay
/// the notebook; use the compiled tokenizer itself for real encoding. The vocabulary is read once from
/// <see cref="ITokenizer.DecodeToBytes"/> of a tokenizer, for example one compiled from a trained vocab.json.
/// Special tokens are ordinary text unless a <see cref="SpecialTokenPolicy"/> allows them.
/// </remarks>
public sealed class GreedyLongestMatchTokenizer : ITokenizer
{
    private readonly ITokenizer _vocabulary;
    private readonly SpecialToken[] _specialTokens;
    private readonly Dictionary<int, int> _children = new();  // (node << 8 | byte) → child node
    private readonly List<int> _idAtNode = new() { -1 };       // token id ending at each node, -1 where none

    /// <param name="vocabulary">The tokenizer whose tokens to match; every id it can decode is a token.</param>
    /// <param name="specialTokens">Ids left out of matching (for example the compiled class's <c>SpecialTokens</c>).</param>
    public GreedyLongestMatchTokenizer(ITokenizer vocabulary, IReadOnlyList<SpecialToken>? specialTokens = null)
    {
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _specialTokens = specialTokens is null ? [] : [.. specialTokens];
        var skip = new HashSet<int>();
        foreach (var special in _specialTokens) skip.Add(special.Id);
        byte[] buffer = new byte[256];
        for (int id = 0; id < vocabulary.VocabularySize; id++)
        {
            if (skip.Contains(id) || !TryGetBytes(vocabulary, id, ref buffer, out int length) || length == 0) continue;
            int node = 0;
            for (int i = 0; i < length; i++)
            {
                int key = node << 8 | buffer[i];
                if (!_children.TryGetValue(key, out int child))
                {
                    child = _idAtNode.Count;
                    _idAtNode.Add(-1);
                    _children.Add(key, child);
                }
                node = child;
            }
            if (_idAtNode[node] < 0) _idAtNode[node] = id;
        }
    }

    public int VocabularySize => _vocabulary.VocabularySize;

    public IReadOnlyList<int> EncodeToIds(string text) => EncodeToIds(text, SpecialTokenPolicy.None);

    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens)
    {
        var ids = new List<int>(text.Length / 2 + 4);
        Encode(text.AsSpan(), specialTokens, ids, null);
        return ids;
    }

    /// <summary>Stops at the start of the first token that does not fit and begins on a character boundary.</summary>
    public OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten,
        SpecialTokenPolicy? specialTokens = null)
    {
        var ids = new List<int>();
        var starts = new List<int>();
        Encode(text, specialTokens ?? SpecialTokenPolicy.None, ids, starts);
        if (ids.Count <= destination.Length)
        {
            ids.CopyTo(destination);
            (charsConsumed, idsWritten) = (text.Length, ids.Count);
            return OperationStatus.Done;
        }
        int cut = destination.Length;
        while (starts[cut] < 0) cut--;
        ids.GetRange(0, cut).CopyTo(destination);
        (charsConsumed, idsWritten) = (starts[cut], cut);
        return OperationStatus.DestinationTooSmall;
    }

    public int CountTokens(string text) => EncodeToIds(text).Count;

    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy? specialTokens = null)
    {
        var ids = new List<int>();
        Encode(text, specialTokens ?? SpecialTokenPolicy.None, ids, null);
        return ids.Count;
    }

    public string Decode(IEnumerable<int> ids) => _vocabulary.Decode(ids);

    public int DecodeToBytes(int id, Span<byte> destination) => _vocabulary.DecodeToBytes(id, destination);

    /// <summary>Appends ids, and with <paramref name="charStarts"/> the char index each token starts at (-1 inside a char).</summary>
    private void Encode(ReadOnlySpan<char> text, SpecialTokenPolicy policy, List<int> ids, List<int>? charStarts)
    {
        if (!policy.IsActive || _specialTokens.Length == 0)
        {
            EncodeOrdinary(text, 0, ids, charStarts);
            return;
        }
        if (policy.ThrowsOnDisallowed) SpecialTokenSearch.ThrowIfDisallowed(text, _specialTokens, policy);
        int pos = 0;
        var cursor = new SpecialTokenSearch.Cursor(text, _specialTokens, policy,
            _specialTokens.Length <= SpecialTokenSearch.StackLimit ? stackalloc int[SpecialTokenSearch.StackLimit] : new int[_specialTokens.Length]);
        while (true)
        {
            int at = cursor.FindAllowed(pos, out SpecialToken special);
            EncodeOrdinary(text[pos..(at < 0 ? text.Length : at)], pos, ids, charStarts);
            if (at < 0) break;
            ids.Add(special.Id);
            charStarts?.Add(at);
            pos = at + special.Text.Length;
        }
        charStarts?.Add(text.Length);
    }

    private void EncodeOrdinary(ReadOnlySpan<char> text, int charOffset, List<int> ids, List<int>? charStarts)
    {
        if (text.IsEmpty) return;
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            int count = Encoding.UTF8.GetBytes(text, bytes);
            int node = 0, current = -1, charIndex = charOffset;
            for (int i = 0; i < count; i++)
            {
                byte b = bytes[i];
                if (node != 0 && _children.TryGetValue(node << 8 | b, out int child) && _idAtNode[child] >= 0)
                {
                    node = child;
                    current = _idAtNode[child];
                }
                else
                {
                    if (node != 0) ids.Add(current);
                    if (!_children.TryGetValue(b, out node) || _idAtNode[node] < 0)
                        throw new InvalidOperationException($"Byte 0x{b:X2} is not a token of the vocabulary, so greedy matching cannot encode it.");
                    current = _idAtNode[node];
                    charStarts?.Add((b & 0xC0) == 0x80 ? -1 : charIndex);
                }
                if ((b & 0xC0) != 0x80) charIndex += b >= 0xF0 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
            }
            ids.Add(current);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool TryGetBytes(ITokenizer vocabulary, int id, ref byte[] buffer, out int length)
    {
        try
        {
            while ((length = vocabulary.DecodeToBytes(id, buffer)) < 0) buffer = new byte[buffer.Length * 2];
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            length = 0;
            return false;  // an unused id
        }
    }
}
