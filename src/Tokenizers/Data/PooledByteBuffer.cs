using System;
using System.Buffers;

namespace Tokenizers.Data;

/// <summary>A growable byte buffer over <see cref="ArrayPool{T}"/>; dispose to return it.</summary>
internal struct PooledByteBuffer(int initialCapacity) : IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _length;

    public readonly ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _array.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + bytes.Length));
            _array.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }
        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Dispose()
    {
        if (_array is not null) ArrayPool<byte>.Shared.Return(_array);
        _array = null!;
    }
}
