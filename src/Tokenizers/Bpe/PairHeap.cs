using System;
using System.Buffers;

namespace Tokenizers.Bpe;

/// <summary>A binary min-heap of candidate merges ordered by (rank, start): the lowest rank, leftmost first.</summary>
internal struct PairHeap : IDisposable
{
    private struct Entry
    {
        public long Key;   // rank << 32 | start
        public int End;
        public int Node;
    }

    private Entry[] _items;
    private int _count;

    public PairHeap(int capacity)
    {
        _items = ArrayPool<Entry>.Shared.Rent(Math.Max(capacity, 16));
        _count = 0;
    }

    public void Push(int rank, int start, int end, int node)
    {
        if (_count == _items.Length)
        {
            var bigger = ArrayPool<Entry>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<Entry>.Shared.Return(_items);
            _items = bigger;
        }
        var e = new Entry { Key = ((long)rank << 32) | (uint)start, End = end, Node = node };
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_items[parent].Key <= e.Key) break;
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = e;
    }

    public bool TryPop(out int rank, out int start, out int end, out int node)
    {
        if (_count == 0)
        {
            rank = start = end = node = 0;
            return false;
        }
        var top = _items[0];
        var last = _items[--_count];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count) break;
            if (child + 1 < _count && _items[child + 1].Key < _items[child].Key) child++;
            if (last.Key <= _items[child].Key) break;
            _items[i] = _items[child];
            i = child;
        }
        if (_count > 0) _items[i] = last;
        rank = (int)(top.Key >> 32);
        start = (int)top.Key;
        end = top.End;
        node = top.Node;
        return true;
    }

    public void Dispose()
    {
        if (_items is not null) ArrayPool<Entry>.Shared.Return(_items);
        _items = null!;
    }
}
