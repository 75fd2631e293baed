using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tokenizers.Bpe;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The first bytes of the guarded tokens, as a 65,536-bit set of hashed windows, so that the guard check walks the
/// guard trie only where one may start. A window is as wide as the shortest guarded token, up to four bytes: wider
/// windows pass fewer positions of ordinary text (two bytes such as " k" or "ma" start many words, four rarely
/// start a guarded token).
/// </summary>
internal static class GuardWindows
{
    public const int MaxWidth = 4;
    private const int Bits = 1 << 16;

    /// <summary>The mask that keeps <paramref name="width"/> bytes of a window.</summary>
    public static uint Mask(int width) => width >= 4 ? uint.MaxValue : (1u << (8 * width)) - 1;

    /// <summary>
    /// The window of <paramref name="mask"/>'s width at <paramref name="at"/>, the first byte lowest (little-endian, as
    /// the tables are): where four bytes are there to read, one unaligned load, so that windows do not depend on each
    /// other as a rolled window does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Window(ReadOnlySpan<byte> bytes, int at, uint mask)
    {
        Debug.Assert(at >= 0 && at + BitOperations.PopCount(mask) / 8 <= bytes.Length);
        ref byte first = ref Unsafe.Add(ref MemoryMarshal.GetReference(bytes), (nint)(uint)at);
        if (at + MaxWidth <= bytes.Length) return Unsafe.ReadUnaligned<uint>(ref first) & mask;
        uint window = 0;
        for (int i = 0; i < MaxWidth && at + i < bytes.Length; i++) window |= (uint)Unsafe.Add(ref first, i) << (8 * i);
        return window & mask;
    }

    /// <summary>Whether a window's bit is set (the set holds <see cref="Bits"/> bits, so any window's word is in it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayStart(ReadOnlySpan<ulong> set, uint window)
    {
        Debug.Assert(set.Length == Bits / 64);
        uint bit = Bit(window);
        return (Unsafe.Add(ref MemoryMarshal.GetReference(set), (nint)(bit >> 6)) & (1UL << (int)bit)) != 0;
    }

    /// <summary>A window's bit in the set: a multiplicative hash's top 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bit(uint window) => (window * 0x9E3779B1u) >> 16;

    /// <summary>
    /// The set of the guarded tokens' first <paramref name="width"/> bytes, and that width: the shortest guarded
    /// token's length, at most <see cref="MaxWidth"/> (every guarded token has two or more bytes).
    /// </summary>
    public static ulong[] Build(DoubleArrayTrie guard, out int width)
    {
        width = MaxWidth;
        var prefixes = new List<(int Node, uint Window)> { (DoubleArrayTrie.Root, 0) };
        for (int depth = 1; depth <= MaxWidth; depth++)
        {
            var next = new List<(int Node, uint Window)>();
            foreach (var (node, window) in prefixes)
                for (int b = 0; b < 256; b++)
                {
                    int child = guard.Child(node, (byte)b);
                    if (child < 0) continue;
                    next.Add((child, window | (uint)b << (8 * (depth - 1))));
                    if (guard.Value(child) >= 0) width = Math.Min(width, depth);
                }
            prefixes = next;
            if (depth == width) break;
        }
        var set = new ulong[Bits / 64];
        foreach (var (_, window) in prefixes)
        {
            uint bit = Bit(window);
            set[bit >> 6] |= 1UL << (int)bit;
        }
        return set;
    }
}
