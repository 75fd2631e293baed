using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Tokenizers.Compilation;

namespace Tokenizers.Bpe;

/// <summary>
/// A double-array trie over byte strings, read from generated constant data. Slot <c>s</c> is two uint32s: a unit
/// <c>label | used &lt;&lt; 8 | base &lt;&lt; 9</c> and a value (a rank, or -1), side by side so that the label check of a
/// child and its value are one 8-byte read (the string heap aligns nothing, so one slot in eight may straddle two
/// cache lines). The child of <c>s</c> on byte <c>b</c> is slot <c>base(s) + b</c> when that
/// slot is used and labelled <c>b</c>; every node has its own base, which is what makes the label check sufficient.
/// Slot 0 is the root.
/// </summary>
internal readonly ref struct DoubleArrayTrie
{
    public const int Root = 0;
    public const int NoNode = -1;
    private const uint UsedFlag = TrieLayout.Used;
    private const int BaseShift = TrieLayout.BaseShift;

    private readonly ReadOnlySpan<uint> _slots;

    /// <param name="slots">Two uint32 a slot: unit, value.</param>
    public DoubleArrayTrie(ReadOnlySpan<uint> slots) => _slots = slots;

    /// <summary>The slots, two uint32 each.</summary>
    public ReadOnlySpan<uint> Slots => _slots;

    /// <summary>The child of <paramref name="node"/> on <paramref name="label"/>, or <see cref="NoNode"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Child(int node, byte label)
    {
        // Both slots are range-checked by hand (one compare each) and then read without the span's own checks.
        ref uint first = ref MemoryMarshal.GetReference(_slots);
        uint count = (uint)(_slots.Length >> 1);
        if ((uint)node >= count) return NoNode;
        uint child = (Unsafe.Add(ref first, (nint)(uint)node * 2) >> BaseShift) + label;
        if (child < count && (Unsafe.Add(ref first, (nint)child * 2) & TrieLayout.LabelAndUsed) == (label | UsedFlag)) return (int)child;
        return NoNode;
    }

    /// <summary>The value stored at <paramref name="node"/>: a rank (its split, if the trie carries one, masked off), or -1 when no token ends there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Value(int node) => RankOf((int)_slots[node * 2 + 1]);

    /// <summary>The rank in a stored value (<see cref="StoredValue"/>), its split masked off; a negative value as it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RankOf(int storedValue) => storedValue & (storedValue >> 31 | TrieLayout.RankMask);

    /// <summary>The value as stored: a rank with its split above it (see <see cref="TrieLayout.SplitEscape"/>), or a negative value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int StoredValue(int node) => (int)Unsafe.Add(ref MemoryMarshal.GetReference(_slots), (nint)(uint)node * 2 + 1);

    /// <summary>Walks <paramref name="bytes"/> from <paramref name="node"/>; <see cref="NoNode"/> when the path leaves the trie.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Walk(int node, ReadOnlySpan<byte> bytes) => Walk(node, bytes, 0, bytes.Length);

    /// <summary>
    /// Walks <paramref name="text"/>[<paramref name="from"/>, <paramref name="to"/>) from <paramref name="node"/>, a
    /// range the caller knows to lie inside it: no slice and its range check (in the encoder's boundary checks that
    /// check and its spills cost more than the few steps it guards).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Walk(int node, ReadOnlySpan<byte> text, int from, int to)
    {
        Debug.Assert((uint)from <= (uint)to && (uint)to <= (uint)text.Length);
        ref byte first = ref MemoryMarshal.GetReference(text);
        for (int i = from; i < to && node >= 0; i++) node = Child(node, Unsafe.Add(ref first, (nint)(uint)i));
        return node;
    }

    /// <summary>The rank of the token spelled by <paramref name="bytes"/>, or -1.</summary>
    public int Lookup(ReadOnlySpan<byte> bytes)
    {
        int node = Walk(Root, bytes);
        return node >= 0 ? Value(node) : -1;
    }
}
