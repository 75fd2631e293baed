using System.Runtime.CompilerServices;

namespace Tokenizers.Compilation;

/// <summary>
/// Token strings to ids, for checking hundreds of thousands of merges: a merge's result is looked up as its two halves
/// (<see cref="TryGetValue(string, string, out int)"/>) without building the concatenated string. Open addressing,
/// linear probing; a slot holds the hash and the id, so a probe compares strings only when the hashes agree.
/// </summary>
internal sealed class TokenIdMap
{
    private readonly string[] _tokens;
    private readonly int[] _slots; // per slot: hash, entry + 1 (0: empty)
    private readonly int[] _ids;
    private readonly int _mask;
    private int _count;

    public TokenIdMap(int capacity)
    {
        _tokens = new string[capacity];
        _ids = new int[capacity];
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _slots = new int[size * 2];
        _mask = size - 1;
    }

    /// <summary>Sets the id of <paramref name="token"/>, replacing an earlier one, as a dictionary's indexer does.</summary>
    public void Set(string token, int id)
    {
        int hash = Hash(token, "");
        int slot = Find(hash, token, "");
        int entry = _slots[2 * slot + 1];
        if (entry == 0)
        {
            _tokens[_count] = token;
            _slots[2 * slot] = hash;
            _slots[2 * slot + 1] = entry = ++_count;
        }
        _ids[entry - 1] = id;
    }

    public bool TryGetValue(string token, out int id) => TryGetValue(token, "", out id);

    /// <summary>The id of the token <paramref name="left"/> + <paramref name="right"/>.</summary>
    public bool TryGetValue(string left, string right, out int id)
    {
        int entry = _slots[2 * Find(Hash(left, right), left, right) + 1];
        id = entry == 0 ? 0 : _ids[entry - 1];
        return entry != 0;
    }

    [MethodImpl(ColdRun.Optimized)]
    private int Find(int hash, string left, string right)
    {
        for (int slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            int entry = _slots[2 * slot + 1];
            if (entry == 0) return slot;
            if (_slots[2 * slot] == hash)
            {
                string token = _tokens[entry - 1];
                if (token.Length == left.Length + right.Length
                    && string.CompareOrdinal(token, 0, left, 0, left.Length) == 0
                    && string.CompareOrdinal(token, left.Length, right, 0, right.Length) == 0)
                    return slot;
            }
        }
    }

    /// <summary>FNV-1a over the chars of <paramref name="left"/> then <paramref name="right"/>, high bits folded into the low ones.</summary>
    [MethodImpl(ColdRun.Optimized)]
    private static int Hash(string left, string right)
    {
        uint hash = 2166136261;
        foreach (char c in left) hash = (hash ^ c) * 16777619;
        foreach (char c in right) hash = (hash ^ c) * 16777619;
        return (int)(hash ^ (hash >> 15));
    }
}
