using System;
using System.Collections.Generic;

namespace Tokenizers.Training.Bpe;

/// <summary>
/// Every adjacent token pair of a <see cref="SymbolSequence"/>: its weighted count, the positions where it occurs
/// (kept lazily: an entry goes stale when the text around it merges, and is dropped when next looked at), and a
/// priority queue ordered by count, then by first position. Queue entries are lazy too: a pair's newest entry is
/// pushed after each merge that touches it, and entries that no longer match the pair are skipped when popped.
/// </summary>
internal sealed class PairIndex
{
    private readonly SymbolSequence _text;
    private readonly Dictionary<long, int> _slotOf = new();
    private readonly PriorityQueue<int, Priority> _queue = new(Priority.Comparer);
    private readonly List<int> _dirty = new();
    private long[] _key = new long[1024];
    private long[] _count = new long[1024];
    private int[] _firstHint = new int[1024];   // at most the pair's first position; exact after TrueFirst
    private int[][] _positions = new int[1024][];
    private int[] _positionCount = new int[1024];
    private bool[] _isDirty = new bool[1024];
    private int _slots;

    public PairIndex(SymbolSequence text)
    {
        _text = text;
        for (int i = 0; i < text.Length; i++)
            if (text.Next[i] >= 0) Add(text.Token[i], text.Token[text.Next[i]], i, text.Weight[i]);
        Publish();
    }

    public (int Left, int Right) PairOf(int slot) => ((int)(_key[slot] >> 32), (int)_key[slot]);

    /// <summary>Counts one more occurrence of (left, right) at <paramref name="position"/>.</summary>
    public void Add(int left, int right, int position, int weight)
    {
        long key = (long)left << 32 | (uint)right;
        if (!_slotOf.TryGetValue(key, out int slot))
        {
            slot = NewSlot(key);
            _slotOf.Add(key, slot);
        }
        ref int[] positions = ref _positions[slot];
        if (_positionCount[slot] == positions.Length) Array.Resize(ref positions, positions.Length * 2);
        positions[_positionCount[slot]++] = position;
        _count[slot] += weight;
        if (position < _firstHint[slot]) _firstHint[slot] = position;
        MarkDirty(slot);
    }

    /// <summary>Counts one occurrence less; the position entry goes stale by itself.</summary>
    public void Remove(int left, int right, int weight)
    {
        if (!_slotOf.TryGetValue((long)left << 32 | (uint)right, out int slot)) return;
        _count[slot] -= weight;
        MarkDirty(slot);
    }

    /// <summary>Queues the pairs changed since the last call.</summary>
    public void Publish()
    {
        foreach (int slot in _dirty)
        {
            _isDirty[slot] = false;
            if (_count[slot] > 0 && IsLive(slot)) _queue.Enqueue(slot, new Priority(_count[slot], _firstHint[slot]));
        }
        _dirty.Clear();
    }

    /// <summary>The most frequent pair, ties to the one occurring first; false when no pair is left.</summary>
    public bool TryPeekBest(out int slot, out long count)
    {
        while (_queue.TryPeek(out slot, out Priority entry))
        {
            count = _count[slot];
            if (count <= 0 || count != entry.Count || !IsLive(slot))
            {
                _queue.Dequeue();
                continue;
            }
            int first = TrueFirst(slot);
            if (first == entry.First) return true;
            _queue.Dequeue();
            _queue.Enqueue(slot, new Priority(count, first));
        }
        count = 0;
        return false;
    }

    /// <summary>Forgets the pair (after merging it); should it form again, it starts afresh.</summary>
    public void Retire(int slot)
    {
        _slotOf.Remove(_key[slot]);
        _positions[slot] = [];
        _positionCount[slot] = 0;
    }

    /// <summary>The positions where the pair still occurs, in text order.</summary>
    public ReadOnlySpan<int> SortedOccurrences(int slot)
    {
        int count = Compact(slot);
        Array.Sort(_positions[slot], 0, count);
        return _positions[slot].AsSpan(0, count);
    }

    private int TrueFirst(int slot)
    {
        int count = Compact(slot);
        int first = int.MaxValue;
        int[] positions = _positions[slot];
        for (int i = 0; i < count; i++) first = Math.Min(first, positions[i]);
        _firstHint[slot] = first;
        return first;
    }

    /// <summary>Drops stale positions; returns how many are left.</summary>
    private int Compact(int slot)
    {
        var (left, right) = PairOf(slot);
        int[] positions = _positions[slot];
        int kept = 0;
        for (int i = 0; i < _positionCount[slot]; i++)
        {
            int p = positions[i];
            int next = _text.Next[p];
            if (_text.Token[p] == left && next >= 0 && _text.Token[next] == right) positions[kept++] = p;
        }
        _positionCount[slot] = kept;
        return kept;
    }

    /// <summary>False for a retired slot, even when its pair has formed again under a new slot.</summary>
    private bool IsLive(int slot) => _slotOf.TryGetValue(_key[slot], out int live) && live == slot;

    private void MarkDirty(int slot)
    {
        if (_isDirty[slot]) return;
        _isDirty[slot] = true;
        _dirty.Add(slot);
    }

    private int NewSlot(long key)
    {
        if (_slots == _key.Length)
        {
            int size = _slots * 2;
            Array.Resize(ref _key, size);
            Array.Resize(ref _count, size);
            Array.Resize(ref _firstHint, size);
            Array.Resize(ref _positions, size);
            Array.Resize(ref _positionCount, size);
            Array.Resize(ref _isDirty, size);
        }
        int slot = _slots++;
        _key[slot] = key;
        _count[slot] = 0;
        _firstHint[slot] = int.MaxValue;
        _positions[slot] = new int[2];
        _positionCount[slot] = 0;
        return slot;
    }

    /// <summary>Higher count first, then the earlier first position.</summary>
    private readonly record struct Priority(long Count, int First)
    {
        public static readonly IComparer<Priority> Comparer = Comparer<Priority>.Create(static (a, b) =>
            a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.First.CompareTo(b.First));
    }
}
