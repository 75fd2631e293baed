using System;
using System.Collections.Generic;

namespace Tokenizers.Generator.Building;

/// <summary>
/// Builds the double-array trie that Tokenizers.Bpe.DoubleArrayTrie reads. A unit is
/// <c>label | 1 &lt;&lt; 8 (used) | base &lt;&lt; 9</c>; the child of s on byte b is slot base(s) + b. Every internal
/// node gets a base of its own (never 0, which marks a leaf), so checking the child's label is enough.
/// </summary>
internal static class DoubleArrayTrieBuilder
{
    public const int MaxBase = (int)(uint.MaxValue >> 9);

    private sealed class Node
    {
        public readonly SortedList<byte, Node> Children = new();
        public int Value = -1;
    }

    public static (uint[] Units, int[] Values) Build(IEnumerable<(byte[] Bytes, int Value)> entries)
    {
        var root = new Node();
        foreach (var (bytes, value) in entries)
        {
            var node = root;
            foreach (byte b in bytes)
            {
                if (!node.Children.TryGetValue(b, out var child)) node.Children.Add(b, child = new Node());
                node = child;
            }
            node.Value = value;
        }

        var units = new List<uint> { 0 };
        var values = new List<int> { -1 };
        var usedBases = new HashSet<int>();
        int firstFree = 1;
        // Breadth-first placement keeps siblings' subtrees near each other.
        var queue = new Queue<(Node Node, int Slot)>();
        queue.Enqueue((root, 0));
        values[0] = root.Value;
        while (queue.Count > 0)
        {
            var (node, slot) = queue.Dequeue();
            if (node.Children.Count == 0) continue;
            var labels = node.Children.Keys;
            while (firstFree < units.Count && (units[firstFree] & 0x100) != 0) firstFree++;
            int @base = Math.Max(1, firstFree - labels[0]);
            while (!Fits(units, @base, labels) || usedBases.Contains(@base)) @base++;
            if (@base > MaxBase) throw new InvalidOperationException("The trie outgrew the 23-bit base of its layout.");
            usedBases.Add(@base);
            units[slot] |= (uint)@base << 9;
            foreach (var pair in node.Children)
            {
                int child = @base + pair.Key;
                while (units.Count <= child)
                {
                    units.Add(0);
                    values.Add(-1);
                }
                units[child] = pair.Key | 0x100u;
                values[child] = pair.Value.Value;
                queue.Enqueue((pair.Value, child));
            }
        }
        return (units.ToArray(), values.ToArray());
    }

    private static bool Fits(List<uint> units, int @base, IList<byte> labels)
    {
        foreach (byte label in labels)
        {
            int slot = @base + label;
            if (slot < units.Count && (units[slot] & 0x100) != 0) return false;
        }
        return true;
    }
}
