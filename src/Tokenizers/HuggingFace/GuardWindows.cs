using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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

    /// <summary>Rolls byte <paramref name="b"/> into a window of the bytes before it (the earliest highest), keeping what the mask holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Next(uint window, byte b, uint mask) => (window << 8 | b) & mask;

    /// <summary>The mask that keeps <paramref name="width"/> bytes of a window.</summary>
    public static uint Mask(int width) => width >= 4 ? uint.MaxValue : (1u << (8 * width)) - 1;

    /// <summary>Whether a window's bit is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayStart(ReadOnlySpan<ulong> set, uint window)
    {
        uint bit = Bit(window);
        return (set[(int)(bit >> 6)] & (1UL << (int)bit)) != 0;
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
                    next.Add((child, window << 8 | (uint)b));
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
