using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// Hugging Face's merges as its BPE model holds them (tokenizers' <c>models/bpe/model.rs</c>): a map from a pair of
/// ids to (merge index, result id). It is collected into a HashMap, so a pair listed twice keeps its last index.
/// <see cref="LastMerge"/> runs Hugging Face's rule (<c>word.rs</c>, <c>merge_all</c>: merge the listed adjacent pair
/// with the lowest index, leftmost on ties) on a token's own symbols, which is how the builder learns which merge, if
/// any, Hugging Face ever uses to make each token.
/// </summary>
internal sealed class HfMergeMap
{
    // Open addressing, linear probing; a slot holds the pair and its merge, so a lookup touches one cache line where a
    // Dictionary would follow a bucket into its entries.
    private struct Slot
    {
        public long Pair;
        public int Index; // -1: empty
        public int Result;
    }

    private readonly Slot[] _slots;
    private readonly int _mask;

    public HfMergeMap(int capacity)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _slots = new Slot[size];
        for (int i = 0; i < size; i++) _slots[i].Index = -1;
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>Lists a merge; a later index for the same pair replaces the earlier one, as in Hugging Face.</summary>
    [MethodImpl(ColdRun.Optimized)]
    public void Add(int left, int right, int index, int result)
    {
        long pair = PairKey(left, right);
        ref Slot slot = ref _slots[Find(pair)];
        if (slot.Index < 0)
        {
            if (Count * 2 >= _slots.Length) throw new InvalidOperationException("More merges than the capacity given.");
            slot.Pair = pair;
            Count++;
        }
        slot.Index = index;
        slot.Result = result;
    }

    [MethodImpl(ColdRun.Optimized)]
    public bool TryGet(int left, int right, out int index, out int result)
    {
        ref Slot slot = ref _slots[Find(PairKey(left, right))];
        index = slot.Index;
        result = index < 0 ? -1 : slot.Result;
        return index >= 0;
    }

    private static long PairKey(int left, int right) => ((long)left << 32) | (uint)right;

    /// <summary>The slot of the pair, or the empty slot where it would go. The hash mixes both halves into the high bits it takes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(long pair)
    {
        int slot = (int)(((ulong)pair * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
        while (_slots[slot].Index >= 0 && _slots[slot].Pair != pair) slot = (slot + 1) & _mask;
        return slot;
    }

    /// <summary>
    /// Runs Hugging Face's merge rule on <paramref name="symbols"/> (ids, with their byte lengths) and reports whether
    /// it ends in one symbol; if so, the byte length of the left part of the last merge and that merge's index. The
    /// arrays are scratch space and are overwritten.
    /// </summary>
    [MethodImpl(ColdRun.Optimized)]
    public bool LastMerge(int[] symbols, int[] lengths, int count, int[] pairIndex, int[] pairResult, out int leftLength, out int mergeIndex)
    {
        leftLength = 0;
        mergeIndex = -1;
        for (int i = 0; i + 1 < count; i++) Pair(symbols, i, pairIndex, pairResult);
        while (count > 1)
        {
            int best = -1, bestIndex = int.MaxValue;
            for (int i = 0; i + 1 < count; i++)
            {
                int m = pairIndex[i];
                if (m >= 0 && m < bestIndex)
                {
                    bestIndex = m;
                    best = i;
                }
            }
            if (best < 0) return false;
            leftLength = lengths[best];
            mergeIndex = bestIndex;
            symbols[best] = pairResult[best];
            lengths[best] += lengths[best + 1];
            for (int i = best + 1; i + 1 < count; i++)
            {
                symbols[i] = symbols[i + 1];
                lengths[i] = lengths[i + 1];
                pairIndex[i] = pairIndex[i + 1];
                pairResult[i] = pairResult[i + 1];
            }
            count--;
            if (best + 1 < count) Pair(symbols, best, pairIndex, pairResult);
            if (best > 0) Pair(symbols, best - 1, pairIndex, pairResult);
        }
        return true;
    }

    private void Pair(int[] symbols, int i, int[] pairIndex, int[] pairResult)
    {
        if (!TryGet(symbols[i], symbols[i + 1], out pairIndex[i], out pairResult[i])) pairIndex[i] = -1;
    }

    /// <summary>
    /// For every id whose bytes are given: whether Hugging Face's rule turns the token's own bytes into the token
    /// (<paramref name="selfBuilt"/>), and then the left length and index of the last merge (0 and -1 for one byte).
    /// Only such tokens can ever come out of merging, alone or inside longer text: the merges within a token's span
    /// happen in the same order whatever surrounds it, until the token is whole. So the last merge is the only merge
    /// that ever makes the token; every other listed merge for it never fires.
    /// </summary>
    [MethodImpl(ColdRun.Optimized)]
    public void FindLastMerges(byte[]?[] tokenBytes, int[] byteToId, bool[] selfBuilt, int[] leftLength, int[] mergeIndex, CancellationToken ct)
    {
        int longest = 1;
        foreach (var b in tokenBytes) if (b is not null && b.Length > longest) longest = b.Length;
        FindLastMerges(tokenBytes.Length, longest, (id, symbols, lengths) =>
        {
            byte[]? bytes = tokenBytes[id];
            if (bytes is null) return 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                symbols[i] = byteToId[bytes[i]];
                lengths[i] = 1;
            }
            return bytes.Length;
        }, selfBuilt, leftLength, mergeIndex, ct);
    }

    /// <summary>
    /// The same for a SentencePiece-style model, whose symbols are chars: a token with a char outside the vocabulary
    /// is never built (that char's symbols are byte-fallback or unk ids, which no merge takes). Lengths are in UTF-8 bytes.
    /// </summary>
    public void FindLastMerges(string?[] tokens, TokenIdMap idOf, bool[] selfBuilt, int[] leftLength, int[] mergeIndex, CancellationToken ct)
    {
        int longest = 1;
        foreach (var t in tokens) if (t is not null && t.Length > longest) longest = t.Length;
        FindLastMerges(tokens.Length, longest, (id, symbols, lengths) =>
        {
            string? token = tokens[id];
            if (token is null) return 0;
            int count = 0;
            for (int i = 0; i < token.Length; i++)
            {
                int width = char.IsHighSurrogate(token[i]) && i + 1 < token.Length && char.IsLowSurrogate(token[i + 1]) ? 2 : 1;
                if (!idOf.TryGetValue(token.Substring(i, width), out int symbol)) return 0;
                symbols[count] = symbol;
                lengths[count++] = width == 2 ? 4 : Utf8Length(token[i]);
                i += width - 1;
            }
            return count;
        }, selfBuilt, leftLength, mergeIndex, ct);
    }

    private static int Utf8Length(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : 3;

    /// <summary><paramref name="fill"/> writes an id's symbols and their byte lengths and returns their count (0: none).</summary>
    private void FindLastMerges(int idCount, int longest, System.Func<int, int[], int[], int> fill, bool[] selfBuilt, int[] leftLength,
        int[] mergeIndex, CancellationToken ct)
    {
        var symbols = new int[longest];
        var lengths = new int[longest];
        var pairIndex = new int[longest];
        var pairResult = new int[longest];
        for (int id = 0; id < idCount; id++)
        {
            if ((id & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            mergeIndex[id] = -1;
            leftLength[id] = 0;
            int count = fill(id, symbols, lengths);
            if (count == 0) continue;
            selfBuilt[id] = LastMerge(symbols, lengths, count, pairIndex, pairResult, out leftLength[id], out mergeIndex[id])
                && symbols[0] == id;
        }
    }
}
