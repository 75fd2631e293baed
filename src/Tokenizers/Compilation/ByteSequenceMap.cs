using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Tokenizers.Compilation;

/// <summary>
/// A map from byte sequences to ints that looks up any span, so that table builders probing every substring of every
/// token allocate no key per lookup (a string-keyed dictionary needs a new string for each).
/// Open addressing, linear probing, FNV-1a hashes kept beside the keys.
/// </summary>
internal sealed class ByteSequenceMap
{
    private readonly byte[][] _keys;
    private readonly int[] _values;
    private readonly uint[] _hashes;
    private readonly int[] _slots; // entry index + 1, 0 when empty
    private readonly int _mask;
    private int _count;

    public ByteSequenceMap(int capacity)
    {
        _keys = new byte[capacity][];
        _values = new int[capacity];
        _hashes = new uint[capacity];
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _slots = new int[size];
        _mask = size - 1;
    }

    /// <summary>Sets the value of <paramref name="key"/>, replacing an earlier one, as a dictionary's indexer does.</summary>
    public void Set(byte[] key, int value)
    {
        uint hash = Hash(key);
        int slot = Find(key, hash);
        if (_slots[slot] != 0)
        {
            _values[_slots[slot] - 1] = value;
            return;
        }
        _keys[_count] = key;
        _values[_count] = value;
        _hashes[_count] = hash;
        _slots[slot] = ++_count;
    }

    /// <summary>The value of <paramref name="bytes"/>.</summary>
    [MethodImpl(ColdRun.Optimized)]
    public bool TryGetValue(ReadOnlySpan<byte> bytes, out int value)
    {
        int entry = _slots[Find(bytes, Hash(bytes))];
        value = entry == 0 ? 0 : _values[entry - 1];
        return entry != 0;
    }

    /// <summary>The value of <paramref name="bytes"/>, which must be a key.</summary>
    public int Get(ReadOnlySpan<byte> bytes)
        => TryGetValue(bytes, out int value) ? value : throw new KeyNotFoundException("The byte sequence is not in the map.");

    /// <summary>The slot that holds the bytes, or the empty slot where they would go.</summary>
    [MethodImpl(ColdRun.Optimized)]
    private int Find(ReadOnlySpan<byte> bytes, uint hash)
    {
        for (int slot = (int)(hash & (uint)_mask); ; slot = (slot + 1) & _mask)
        {
            int entry = _slots[slot];
            if (entry == 0 || (_hashes[entry - 1] == hash && _keys[entry - 1].AsSpan().SequenceEqual(bytes))) return slot;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint hash = 2166136261;
        foreach (byte b in bytes) hash = (hash ^ b) * 16777619;
        return hash ^ (hash >> 15); // the low bits pick the slot: fold the high ones in
    }
}
