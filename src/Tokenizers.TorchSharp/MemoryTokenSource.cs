using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tokenizers.TorchSharp;

/// <summary>Tokens in memory, widened to int64 on read (vectorized: it runs once per token of every batch).</summary>
internal sealed class MemoryTokenSource(ReadOnlyMemory<int> tokens) : TokenSource
{
    public override long Count => tokens.Length;

    public override void Read(long start, Span<long> destination)
    {
        CheckRange(start, destination.Length);
        Widen(tokens.Span.Slice((int)start, destination.Length), destination);
    }

    private static void Widen(ReadOnlySpan<int> source, Span<long> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref int s = ref MemoryMarshal.GetReference(source);
            ref byte d = ref Unsafe.As<long, byte>(ref MemoryMarshal.GetReference(destination));
            for (; i <= source.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<long> low, out Vector<long> high);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, i * sizeof(long)), low);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, (i + Vector<long>.Count) * sizeof(long)), high);
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }
}
