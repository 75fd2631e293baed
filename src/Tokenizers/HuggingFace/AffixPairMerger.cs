using System;
using System.Buffers;
using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.Data;

namespace Tokenizers.HuggingFace;

/// <summary>
/// Hugging Face's BPE on one piece of a model with a <c>continuing_subword_prefix</c> or <c>end_of_word_suffix</c>
/// (<c>BPE::merge_word</c> and <c>Word::merge_all</c>), over <see cref="AffixBpeTableBuilder"/>'s tables. Each char
/// (a byte's char of the byte-level alphabet, or a UTF-8 char) is looked up as prefix + char (all but the first) +
/// suffix (the last); one not in the vocabulary is unk (a run of them one unk with <c>fuse_unk</c>, written before
/// the next found char or at the end), or is dropped without unk_token. Then the adjacent pair of ids with the lowest
/// merge index merges into the merge's result, leftmost first, until none is left.
/// </summary>
internal sealed class AffixPairMerger
{
    private static readonly byte[][] s_byteLevelChars = ByteLevelChars();

    private readonly ConstantTable _symbols, _merges;
    private readonly byte[] _prefix, _suffix;
    private readonly int _unkId;
    private readonly bool _fuseUnk, _byteLevel;

    /// <param name="info">The info table (<see cref="AffixBpeTableBuilder.UnkAt"/> and after).</param>
    /// <param name="merges">The merge map: (left, right, index, result) sorted by pair.</param>
    /// <param name="symbols">Every token's text (UTF-8) → id.</param>
    /// <param name="model">The prefix and suffix.</param>
    public AffixPairMerger(ReadOnlySpan<uint> info, ConstantTable merges, ConstantTable symbols, BpeModelDef model)
    {
        if (info.Length <= AffixBpeTableBuilder.ByteLevelAt) throw new ArgumentException("The BPE info table is too short.", nameof(info));
        _unkId = (int)info[AffixBpeTableBuilder.UnkAt] - 1;
        _fuseUnk = info[AffixBpeTableBuilder.FuseAt] != 0;
        _byteLevel = info[AffixBpeTableBuilder.ByteLevelAt] != 0;
        _merges = merges;
        _symbols = symbols;
        _prefix = Encoding.UTF8.GetBytes(model.ContinuingSubwordPrefix ?? "");
        _suffix = Encoding.UTF8.GetBytes(model.EndOfWordSuffix ?? "");
    }

    /// <summary>Writes the ids of a UTF-8 piece to <paramref name="ids"/> (one per byte at most) and returns their count.</summary>
    public int Merge(ReadOnlySpan<byte> piece, Span<int> ids)
    {
        int n = piece.Length;
        if (n == 0) return 0;
        int[] symbolArr = ArrayPool<int>.Shared.Rent(n), nextArr = ArrayPool<int>.Shared.Rent(n), prevArr = ArrayPool<int>.Shared.Rent(n);
        var heap = new PairHeap(n);
        try
        {
            Span<int> symbol = symbolArr.AsSpan(0, n);
            int count = Symbols(piece, symbol);
            Span<int> next = nextArr.AsSpan(0, count), prev = prevArr.AsSpan(0, count);
            ReadOnlySpan<uint> merges = _merges.UInt32s;
            for (int i = 0; i < count; i++)
            {
                next[i] = i + 1;
                prev[i] = i - 1;
            }
            for (int i = 0; i + 1 < count; i++) PushPair(ref heap, merges, symbol, i, i + 1);

            // A queued merge is stale unless its two symbols are still neighbours with the ids it was queued for
            // (Word::merge_all checks the same: the pair's current merge must give the queued result).
            while (heap.TryPop(out int index, out int left, out int right, out int result))
            {
                if (symbol[left] < 0 || symbol[right] < 0 || next[left] != right) continue;
                if (!TryFind(merges, symbol[left], symbol[right], out int current, out int made) || current != index || made != result) continue;
                symbol[left] = result;
                symbol[right] = -1;
                next[left] = next[right];
                if (next[left] < count) prev[next[left]] = left;
                if (next[left] < count) PushPair(ref heap, merges, symbol, left, next[left]);
                if (prev[left] >= 0) PushPair(ref heap, merges, symbol, prev[left], left);
            }

            int written = 0;
            for (int i = 0; i < count; i = next[i]) ids[written++] = symbol[i];
            return written;
        }
        finally
        {
            heap.Dispose();
            ArrayPool<int>.Shared.Return(symbolArr);
            ArrayPool<int>.Shared.Return(nextArr);
            ArrayPool<int>.Shared.Return(prevArr);
        }
    }

    /// <summary>merge_word's symbols (ids, or unk): returns their count.</summary>
    private int Symbols(ReadOnlySpan<byte> piece, Span<int> symbol)
    {
        var trie = new DoubleArrayTrie(_symbols.UInt32s);
        int prefixNode = trie.Walk(DoubleArrayTrie.Root, _prefix);
        int count = 0;
        bool unkPending = false;
        for (int s = 0; s < piece.Length;)
        {
            int e = _byteLevel ? s + 1 : s + SequenceLength(piece[s]);
            int node = trie.Walk(s == 0 ? DoubleArrayTrie.Root : prefixNode, _byteLevel ? s_byteLevelChars[piece[s]] : piece[s..e]);
            if (e == piece.Length) node = trie.Walk(node, _suffix);
            int id = node >= 0 ? trie.Value(node) : -1;
            if (id >= 0)
            {
                if (unkPending) symbol[count++] = _unkId;
                unkPending = false;
                symbol[count++] = id;
            }
            else if (_unkId >= 0)
            {
                if (unkPending && !_fuseUnk) symbol[count++] = _unkId;
                unkPending = true;
            }
            s = e;
        }
        if (unkPending) symbol[count++] = _unkId;
        return count;
    }

    private static void PushPair(ref PairHeap heap, ReadOnlySpan<uint> merges, Span<int> symbol, int left, int right)
    {
        if (TryFind(merges, symbol[left], symbol[right], out int index, out int result)) heap.Push(index, left, right, result);
    }

    /// <summary>The merge of the pair (binary search of the sorted merge map).</summary>
    private static bool TryFind(ReadOnlySpan<uint> merges, int left, int right, out int index, out int result)
    {
        ulong key = ((ulong)(uint)left << 32) | (uint)right;
        int lo = 0, hi = merges.Length / 4 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            ulong at = ((ulong)merges[4 * mid] << 32) | merges[4 * mid + 1];
            if (at == key)
            {
                index = (int)merges[4 * mid + 2];
                result = (int)merges[4 * mid + 3];
                return true;
            }
            if (at < key) lo = mid + 1;
            else hi = mid - 1;
        }
        index = result = -1;
        return false;
    }

    /// <summary>The length of the UTF-8 sequence a lead byte starts (the piece is valid UTF-8: it was encoded from chars).</summary>
    private static int SequenceLength(byte lead) => lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

    /// <summary>Each byte's char of the byte-level alphabet, as UTF-8: the text Hugging Face's model sees for that byte.</summary>
    private static byte[][] ByteLevelChars()
    {
        var chars = new byte[256][];
        for (int b = 0; b < 256; b++) chars[b] = Encoding.UTF8.GetBytes(ByteLevelAlphabet.ToChar((byte)b).ToString());
        return chars;
    }
}
