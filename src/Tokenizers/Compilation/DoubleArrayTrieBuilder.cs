using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// Builds the double-array trie that Tokenizers.Bpe.DoubleArrayTrie reads. A unit is
/// <c>label | 1 &lt;&lt; 8 (used) | base &lt;&lt; 9</c>; the child of s on byte b is slot base(s) + b. Every internal
/// node gets a base of its own (never 0, which marks a leaf), so checking the child's label is enough.
/// <para>
/// Nodes are placed breadth first, children by label, each at the lowest base whose child slots are all free. The
/// keys are sorted once, so a node is a range of them and needs no object. The lowest base is found 64 bases at a
/// time from bitsets of the used slots and bases, from a bound per first label that only rises (<see cref="FindBase"/>),
/// so placing all nodes costs about the array's size times the distinct first labels, over 64.
/// </para>
/// </summary>
internal sealed class DoubleArrayTrieBuilder
{
    public const int MaxBase = TrieLayout.MaxBase;
    private const uint Used = TrieLayout.Used;

    private readonly byte[][] _keys;
    private readonly int[] _keyValues;
    private uint[] _units = new uint[1024];
    private int[] _values = new int[1024];
    private ulong[] _usedSlots = new ulong[16];
    private ulong[] _usedBases = new ulong[16];
    private int _size;     // slots in use are all below _size
    private readonly long[] _lowest = new long[256]; // per first label, a lower bound of its base (see FindBase)

    private DoubleArrayTrieBuilder(byte[][] keys, int[] keyValues)
    {
        _keys = keys;
        _keyValues = keyValues;
        for (int i = 0; i < _values.Length; i++) _values[i] = -1;
    }

    public static (uint[] Units, int[] Values) Build(IEnumerable<(byte[] Bytes, int Value)> entries, CancellationToken cancellationToken = default)
    {
        var keys = new List<byte[]>();
        var values = new List<int>();
        foreach (var (bytes, value) in entries)
        {
            if ((keys.Count & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            keys.Add(bytes);
            values.Add(value);
        }
        // Sorted by bytes; equal keys keep their order, so that the last one wins, as when each overwrote the one before.
        var order = new int[keys.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keyArray = keys.ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        Array.Sort(order, new KeyOrder(keyArray));
        var sortedKeys = new byte[order.Length][];
        var sortedValues = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            sortedKeys[i] = keyArray[order[i]];
            sortedValues[i] = values[order[i]];
        }
        return new DoubleArrayTrieBuilder(sortedKeys, sortedValues).Place(cancellationToken);
    }

    /// <summary>
    /// The trie as Tokenizers.Bpe.DoubleArrayTrie reads it: unit then value a slot, so that a child's label check and
    /// its value are one 8-byte read. With <paramref name="splits"/> (per rank, the byte length of the left half of the
    /// token's last merge), each token's value carries its split above its rank (<see cref="TrieLayout.SplitEscape"/>),
    /// so that the backtracking encoder reads both in one load.
    /// </summary>
    /// <exception cref="TrieTooLargeException">A value is beyond <see cref="TrieLayout.RankMask"/>.</exception>
    public static uint[] BuildSlots(IEnumerable<(byte[] Bytes, int Value)> entries, CancellationToken cancellationToken = default,
        IReadOnlyList<ushort>? splits = null)
    {
        var (units, values) = Build(entries, cancellationToken);
        var slots = new uint[units.Length * 2];
        for (int i = 0; i < units.Length; i++)
        {
            int value = values[i];
            if (value > TrieLayout.RankMask) throw new TrieTooLargeException($"Value {TextDisplay.Number(value)} is beyond the {TrieLayout.RankBits} bits a trie value holds in the generated layout (at most {TextDisplay.Number(TrieLayout.RankMask)} tokens).");
            if (value >= 0 && splits is not null && value < splits.Count) value |= Math.Min((int)splits[value], TrieLayout.SplitEscape) << TrieLayout.RankBits;
            slots[2 * i] = units[i];
            slots[2 * i + 1] = (uint)value;
        }
        return slots;
    }

    /// <summary>A node: the keys [Start, End) share its first Depth bytes; it sits at Slot.</summary>
    private readonly struct Node(int start, int end, int depth, int slot)
    {
        public readonly int Start = start, End = end, Depth = depth, Slot = slot;
    }

    [MethodImpl(ColdRun.Optimized)]
    private (uint[] Units, int[] Values) Place(CancellationToken cancellationToken)
    {
        _values[0] = ValueOf(0, _keys.Length, 0);
        _size = 1;
        SetBit(_usedSlots, 0);
        var labels = new byte[256];
        var childStarts = new int[257];
        // Breadth-first placement keeps siblings' subtrees near each other.
        var queue = new Queue<Node>();
        queue.Enqueue(new Node(0, _keys.Length, 0, 0));
        int placed = 0;
        while (queue.Count > 0)
        {
            if ((++placed & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var node = queue.Dequeue();
            int depth = node.Depth, i = node.Start, count = 0;
            while (i < node.End && _keys[i].Length == depth) i++; // the node's own key(s) sort first
            while (i < node.End)
            {
                byte label = _keys[i][depth];
                labels[count] = label;
                childStarts[count++] = i;
                while (i < node.End && _keys[i][depth] == label) i++;
            }
            if (count == 0) continue;
            childStarts[count] = node.End;
            int @base = FindBase(labels, count);
            EnsureCapacity(@base + labels[count - 1] + 1);
            SetBit(_usedBases, @base);
            _units[node.Slot] |= (uint)@base << TrieLayout.BaseShift;
            for (int c = 0; c < count; c++)
            {
                int child = @base + labels[c];
                Take(child);
                _units[child] = labels[c] | Used;
                _values[child] = ValueOf(childStarts[c], childStarts[c + 1], depth + 1);
                queue.Enqueue(new Node(childStarts[c], childStarts[c + 1], depth + 1, child));
            }
        }
        var units = new uint[_size];
        var values = new int[_size];
        Array.Copy(_units, units, _size);
        Array.Copy(_values, values, _size);
        return (units, values);
    }

    /// <summary>The value of the key that is exactly the node's bytes (the last such), or -1.</summary>
    private int ValueOf(int start, int end, int depth)
    {
        int value = -1;
        for (int i = start; i < end && _keys[i].Length == depth; i++) value = _keyValues[i];
        return value;
    }

    /// <summary>The lowest base ≥ 1 not used by another node whose child slots (base + label) are all free.</summary>
    [MethodImpl(ColdRun.Optimized)]
    private int FindBase(byte[] labels, int count)
    {
        // Bases below _lowest[first label] are used or put that label on a used slot; both only ever get more so, so
        // the bound only rises, and the scans of all nodes with one first label together cross the array once.
        int first = labels[0];
        bool raising = true;
        for (long start = Math.Max(1, _lowest[first]); ; start += 64)
        {
            if (start > MaxBase) throw new TrieTooLargeException();
            ulong fits = ~Bits(_usedBases, start) & ~Bits(_usedSlots, start + first);
            if (raising)
            {
                _lowest[first] = fits == 0 ? start + 64 : start + TrailingZeros(fits);
                raising = fits == 0;
            }
            for (int i = 1; i < count && fits != 0; i++) fits &= ~Bits(_usedSlots, start + labels[i]);
            if (fits == 0) continue;
            long @base = start + TrailingZeros(fits);
            if (@base > MaxBase) throw new TrieTooLargeException();
            return (int)@base;
        }
    }

    private void Take(int slot)
    {
        EnsureCapacity(slot + 1);
        SetBit(_usedSlots, slot);
        if (slot >= _size) _size = slot + 1;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > _units.Length)
        {
            int old = _units.Length, capacity = Math.Max(old * 2, needed);
            Array.Resize(ref _units, capacity);
            Array.Resize(ref _values, capacity);
            for (int i = old; i < capacity; i++) _values[i] = -1;
        }
        int words = (needed + 256 + 63) >> 6; // bases up to the last slot, plus a label's reach
        if (words > _usedSlots.Length)
        {
            Array.Resize(ref _usedSlots, Math.Max(_usedSlots.Length * 2, words));
            Array.Resize(ref _usedBases, _usedSlots.Length);
        }
    }

    /// <summary>The 64 bits from bit <paramref name="from"/> on, bit 0 first; bits past the array are 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(ulong[] bits, long from)
    {
        long word = from >> 6;
        int shift = (int)(from & 63);
        ulong low = word < bits.Length ? bits[word] >> shift : 0;
        if (shift != 0 && word + 1 < bits.Length) low |= bits[word + 1] << (64 - shift);
        return low;
    }

    private static void SetBit(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static readonly byte[] s_deBruijn =
    {
        0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4, 62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
        63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11, 46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
    };

    /// <summary>Index of the lowest set bit of a non-zero word (netstandard2.0 has no BitOperations).</summary>
    private static int TrailingZeros(ulong word) => s_deBruijn[((word & (ulong)-(long)word) * 0x03F79D71B4CB0A89UL) >> 58];

    /// <summary>Orders key indices by their bytes (a prefix first), equal keys by index.</summary>
    private sealed class KeyOrder(byte[][] keys) : IComparer<int>
    {
        [MethodImpl(ColdRun.Optimized)]
        public int Compare(int x, int y)
        {
            byte[] a = keys[x], b = keys[y];
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
                if (a[i] != b[i]) return a[i] - b[i];
            return a.Length != b.Length ? a.Length - b.Length : x - y;
        }
    }
}

/// <summary>The trie needs a base, or holds a value, beyond the 23 bits its layout gives it.</summary>
internal sealed class TrieTooLargeException(string message = "The trie outgrew the 23-bit base of its layout.") : Exception(message);
