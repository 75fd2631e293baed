using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tokenizers.Data;

/// <summary>
/// Widens little-endian uint16/uint32 token ids to int or long, vectorized: the batcher turns every token of every
/// batch into an int64 tensor element, so this is the per-token hot path.
/// </summary>
internal static unsafe class TokenFileWidening
{
    /// <summary><typeparamref name="T"/> is <see cref="int"/> or <see cref="long"/>.</summary>
    public static void FromUInt16<T>(byte* source, Span<T> destination) where T : unmanaged
    {
        var ids = new ReadOnlySpan<ushort>(source, destination.Length);
        if (typeof(T) == typeof(long)) ToInt64(ids, MemoryMarshal.Cast<T, long>(destination));
        else ToInt32(ids, MemoryMarshal.Cast<T, int>(destination));
    }

    /// <summary><typeparamref name="T"/> is <see cref="int"/> or <see cref="long"/>.</summary>
    public static void FromUInt32<T>(byte* source, Span<T> destination) where T : unmanaged
    {
        var ids = new ReadOnlySpan<uint>(source, destination.Length);
        if (typeof(T) == typeof(long)) ToInt64(ids, MemoryMarshal.Cast<T, long>(destination));
        else MemoryMarshal.Cast<uint, int>(ids).CopyTo(MemoryMarshal.Cast<T, int>(destination));
    }

    private static void ToInt32(ReadOnlySpan<ushort> source, Span<int> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref ushort s = ref MemoryMarshal.GetReference(source);
            ref byte d = ref Unsafe.As<int, byte>(ref MemoryMarshal.GetReference(destination));
            for (; i <= source.Length - Vector<ushort>.Count; i += Vector<ushort>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<uint> low, out Vector<uint> high);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, i * sizeof(int)), low);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, (i + Vector<uint>.Count) * sizeof(int)), high);
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    private static void ToInt64(ReadOnlySpan<ushort> source, Span<long> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref ushort s = ref MemoryMarshal.GetReference(source);
            ref byte d = ref Unsafe.As<long, byte>(ref MemoryMarshal.GetReference(destination));
            int quarter = Vector<ulong>.Count;
            for (; i <= source.Length - Vector<ushort>.Count; i += Vector<ushort>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<uint> low, out Vector<uint> high);
                Vector.Widen(low, out Vector<ulong> a, out Vector<ulong> b);
                Vector.Widen(high, out Vector<ulong> c, out Vector<ulong> e);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, i * sizeof(long)), a);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, (i + quarter) * sizeof(long)), b);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, (i + 2 * quarter) * sizeof(long)), c);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, (i + 3 * quarter) * sizeof(long)), e);
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    private static void ToInt64(ReadOnlySpan<uint> source, Span<long> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref uint s = ref MemoryMarshal.GetReference(source);
            ref byte d = ref Unsafe.As<long, byte>(ref MemoryMarshal.GetReference(destination));
            for (; i <= source.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<ulong> low, out Vector<ulong> high);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, i * sizeof(long)), low);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, (i + Vector<ulong>.Count) * sizeof(long)), high);
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }
}
