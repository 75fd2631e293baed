using System;
using System.Collections.Generic;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// Builds the double-array trie that Tokenizers.Bpe.DoubleArrayTrie reads. A unit is
/// <c>label | 1 &lt;&lt; 8 (used) | base &lt;&lt; 9</c>; the child of s on byte b is slot base(s) + b. Every internal
/// node gets a base of its own (never 0, which marks a leaf), so checking the child's label is enough.
/// Placement walks a linked list of free slots, so a node costs about the number of holes it skips, not the
/// size of the array.
/// </summary>
internal sealed class DoubleArrayTrieBuilder
{
    public const int MaxBase = TrieLayout.MaxBase;
    private const uint Used = TrieLayout.Used;

    private sealed class Node
    {
        public readonly SortedList<byte, Node> Children = new();
        public int Value = -1;
    }

    private uint[] _units = new uint[1024];
    private int[] _values = new int[1024];
    private int[] _nextFree = new int[1024];
    private int[] _prevFree = new int[1024];
    private bool[] _baseUsed = new bool[1024];
    private int _size;     // slots in use are all below _size
    private int _head;     // first free slot, ≥ 1; slots ≥ capacity are free

    private DoubleArrayTrieBuilder()
    {
        for (int i = 0; i < _values.Length; i++) _values[i] = -1;
        LinkFree(1, _units.Length);
        _head = 1;
    }

    public static (uint[] Units, int[] Values) Build(IEnumerable<(byte[] Bytes, int Value)> entries, CancellationToken cancellationToken = default)
    {
        var root = new Node();
        int count = 0;
        foreach (var (bytes, value) in entries)
        {
            if ((++count & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var node = root;
            foreach (byte b in bytes)
            {
                if (!node.Children.TryGetValue(b, out var child)) node.Children.Add(b, child = new Node());
                node = child;
            }
            node.Value = value;
        }
        return new DoubleArrayTrieBuilder().Place(root, cancellationToken);
    }

    /// <summary>
    /// The trie as Tokenizers.Bpe.DoubleArrayTrie reads it: unit then value a slot, so that a child's label check and
    /// its value are one 8-byte read.
    /// </summary>
    public static uint[] BuildSlots(IEnumerable<(byte[] Bytes, int Value)> entries, CancellationToken cancellationToken = default)
    {
        var (units, values) = Build(entries, cancellationToken);
        var slots = new uint[units.Length * 2];
        for (int i = 0; i < units.Length; i++)
        {
            slots[2 * i] = units[i];
            slots[2 * i + 1] = (uint)values[i];
        }
        return slots;
    }

    private (uint[] Units, int[] Values) Place(Node root, CancellationToken cancellationToken)
    {
        _values[0] = root.Value;
        _size = 1;
        // Breadth-first placement keeps siblings' subtrees near each other.
        var queue = new Queue<(Node Node, int Slot)>();
        queue.Enqueue((root, 0));
        int placed = 0;
        while (queue.Count > 0)
        {
            if ((++placed & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var (node, slot) = queue.Dequeue();
            if (node.Children.Count == 0) continue;
            var labels = node.Children.Keys;
            int @base = FindBase(labels);
            _baseUsed[@base] = true;
            _units[slot] |= (uint)@base << TrieLayout.BaseShift;
            foreach (var pair in node.Children)
            {
                int child = @base + pair.Key;
                Take(child);
                _units[child] = pair.Key | Used;
                _values[child] = pair.Value.Value;
                queue.Enqueue((pair.Value, child));
            }
        }
        var units = new uint[_size];
        var values = new int[_size];
        Array.Copy(_units, units, _size);
        Array.Copy(_values, values, _size);
        return (units, values);
    }

    private int FindBase(IList<byte> labels)
    {
        for (int free = _head; ; free = NextFree(free))
        {
            int @base = free - labels[0];
            if (@base < 1) continue;
            if (@base > MaxBase) throw new TrieTooLargeException();
            EnsureCapacity(@base + 256);
            if (_baseUsed[@base]) continue;
            bool fits = true;
            for (int i = 1; i < labels.Count && fits; i++) fits = (_units[@base + labels[i]] & Used) == 0;
            if (fits) return @base;
        }
    }

    private int NextFree(int slot) => slot < _units.Length ? _nextFree[slot] : slot + 1;

    private void Take(int slot)
    {
        EnsureCapacity(slot + 1);
        int prev = _prevFree[slot], next = _nextFree[slot];
        if (slot == _head) _head = next;
        else _nextFree[prev] = next;
        if (next < _units.Length) _prevFree[next] = prev;
        if (slot >= _size) _size = slot + 1;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _units.Length) return;
        int old = _units.Length, capacity = Math.Max(old * 2, needed);
        Array.Resize(ref _units, capacity);
        Array.Resize(ref _values, capacity);
        Array.Resize(ref _nextFree, capacity);
        Array.Resize(ref _prevFree, capacity);
        Array.Resize(ref _baseUsed, capacity);
        for (int i = old; i < capacity; i++) _values[i] = -1;
        LinkFree(old, capacity);
        // The fresh run's predecessor is the last free slot below it, if any (slot 0, the root, is never free).
        int last = old - 1;
        while (last > 0 && (_units[last] & Used) != 0) last--;
        _prevFree[old] = last;
    }

    /// <summary>Links fresh slots [from, to) as free; the last free slot before them points at <paramref name="from"/> already.</summary>
    private void LinkFree(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            _nextFree[i] = i + 1;
            _prevFree[i] = i - 1;
        }
    }
}

/// <summary>The trie needs a base beyond the 23 bits its layout gives it.</summary>
internal sealed class TrieTooLargeException() : Exception("The trie outgrew the 23-bit base of its layout.");
