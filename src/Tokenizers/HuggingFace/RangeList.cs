using System;
using System.Buffers;

namespace Tokenizers.HuggingFace;

/// <summary>A growable list of [start, end) ranges over <see cref="ArrayPool{T}"/>; dispose to return it.</summary>
internal struct RangeList : IDisposable
{
    private int[] _items;

    public RangeList(int capacity) => _items = ArrayPool<int>.Shared.Rent(Math.Max(8, capacity * 2));

    public int Count { get; private set; }

    public readonly int Start(int i) => _items[2 * i];

    public readonly int End(int i) => _items[2 * i + 1];

    public void Add(int start, int end)
    {
        if (2 * Count + 2 > _items.Length)
        {
            var bigger = ArrayPool<int>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, 2 * Count).CopyTo(bigger);
            ArrayPool<int>.Shared.Return(_items);
            _items = bigger;
        }
        _items[2 * Count] = start;
        _items[2 * Count + 1] = end;
        Count++;
    }

    public readonly void SetStart(int i, int start) => _items[2 * i] = start;

    public readonly void SetEnd(int i, int end) => _items[2 * i + 1] = end;

    public void Dispose()
    {
        if (_items is not null) ArrayPool<int>.Shared.Return(_items);
        _items = null!;
    }
}
