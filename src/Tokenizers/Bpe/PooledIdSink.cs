using System;
using System.Buffers;

namespace Tokenizers.Bpe;

/// <summary>
/// The sink of <c>EncodeToIds</c>: ids go to a pooled buffer, and the caller gets an array of exactly their count.
/// A <c>List&lt;int&gt;</c> sized by guess allocates zeroed memory twice when the guess is short (a 1 MB text of new
/// words has more ids than chars / 3) and copies on growth; here the scratch is reused and the result is allocated
/// once, uninitialized, at its final size. Dispose returns the buffer.
/// </summary>
internal struct PooledIdSink : ITokenSink, IDisposable
{
    private int[] _buffer;
    private int _count;

    /// <param name="capacity">A guess at the count; the buffer grows past it.</param>
    public PooledIdSink(int capacity) => _buffer = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 16));

    public bool TryAdd(ReadOnlySpan<int> ids)
    {
        if (ids.Length > _buffer.Length - _count) Grow(ids.Length);
        ids.CopyTo(_buffer.AsSpan(_count));
        _count += ids.Length;
        return true;
    }

    public bool TryAdd(int id)
    {
        if (_count == _buffer.Length) Grow(1);
        _buffer[_count++] = id;
        return true;
    }

    /// <summary>The ids taken so far, as a new array of their count.</summary>
    public readonly int[] ToArray()
    {
        if (_count == 0) return [];
        int[] result = GC.AllocateUninitializedArray<int>(_count);
        _buffer.AsSpan(0, _count).CopyTo(result);
        return result;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<int>.Shared.Return(_buffer);
        _buffer = [];
        _count = 0;
    }

    private void Grow(int needed)
    {
        int[] larger = ArrayPool<int>.Shared.Rent(Math.Max(_buffer.Length * 2, _count + needed));
        _buffer.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<int>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
