using System;

namespace Tokenizers.Training.Bpe;

/// <summary>
/// Counts distinct byte strings (pre-tokenized pieces) without a string per piece: the bytes of each distinct piece
/// live once in an arena, found again through an open-addressing table. Words keep the order they first occur in.
/// </summary>
internal sealed class WordCounter
{
    private byte[] _arena = new byte[1 << 16];
    private int _arenaLength;
    private int[] _start = new int[1024], _length = new int[1024], _count = new int[1024];
    private int[] _table = new int[2048];  // word index + 1, 0 where empty
    private int[] _hash = new int[1024];

    public int Count { get; private set; }

    public long DistinctBytes { get; private set; }

    public ReadOnlySpan<byte> Word(int index) => _arena.AsSpan(_start[index], _length[index]);

    public int Frequency(int index) => _count[index];

    public void Add(ReadOnlySpan<byte> word)
    {
        var hasher = new HashCode();
        hasher.AddBytes(word);
        int hash = hasher.ToHashCode();
        int mask = _table.Length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _table[slot] - 1;
            if (entry < 0)
            {
                _table[slot] = Append(word, hash) + 1;
                if (Count * 2 > _table.Length) Rehash();
                return;
            }
            if (_hash[entry] == hash && Word(entry).SequenceEqual(word))
            {
                _count[entry] = checked(_count[entry] + 1);
                return;
            }
        }
    }

    private int Append(ReadOnlySpan<byte> word, int hash)
    {
        if (_arenaLength + word.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + word.Length));
        if (Count == _start.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _length, size);
            Array.Resize(ref _count, size);
            Array.Resize(ref _hash, size);
        }
        word.CopyTo(_arena.AsSpan(_arenaLength));
        int index = Count++;
        (_start[index], _length[index], _count[index], _hash[index]) = (_arenaLength, word.Length, 1, hash);
        _arenaLength += word.Length;
        DistinctBytes += word.Length;
        return index;
    }

    private void Rehash()
    {
        _table = new int[_table.Length * 2];
        int mask = _table.Length - 1;
        for (int index = 0; index < Count; index++)
        {
            int slot = _hash[index] & mask;
            while (_table[slot] != 0) slot = (slot + 1) & mask;
            _table[slot] = index + 1;
        }
    }
}
