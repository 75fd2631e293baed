using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The ids of recently merged words, one cache per thread (no locks, nothing allocated after a thread's first merge),
/// as Hugging Face caches its words: text repeats its words, and merging one char by char walks the trie a dozen
/// times. Set-associative on a hash of the word: a word may sit in any of the <see cref="Ways"/> slots of its set,
/// found by a key per slot (16 bits of the hash and the length) before any char is compared, so that a miss reads
/// one line of keys instead of a slot's chars (which, in a cache larger than the last-level one, is a read from
/// memory); a set that is full loses a word not used lately (<see cref="Victim"/>). Words longer than
/// <see cref="MaxChars"/> or merging to more than <see cref="MaxIds"/> ids are not kept, and a word is kept on its
/// second miss (a 16-bit tag of its hash marks the first), so that text in which no word repeats pays no copies.
/// Where words do not repeat (names, identifiers, rare words), every lookup misses and costs a hash: when fewer than
/// one lookup in <see cref="BypassBelow"/> hits over a window, the cache steps aside for the next
/// <see cref="BypassLength"/> words, then looks again; each window in a row that still misses doubles that, up to
/// <see cref="MaxBypassLength"/>, so that such text spends a few percent of its words on lookups, not a ninth. Where
/// words repeat, but further apart than it holds (many languages, code: a window in which between a quarter and seven
/// eighths of the lookups hit), it grows once from
/// <see cref="SmallSlots"/> to <see cref="LargeSlots"/> (1.7 MB). It does not start large: text that repeats its words
/// often (prose) needs no more, and text that seldom does would then hit just often enough to keep paying for lookups.
/// Belongs to one model at a time: another model's encoder empties it.
/// </summary>
internal sealed class MergedWordCache
{
    public const int MaxChars = 24, MaxIds = 12;
    internal const int SmallSlots = 4096, LargeSlots = 16384;

    /// <summary>The slots of a set, where a word may sit: their keys fill half a cache line.</summary>
    internal const int Ways = 8;

    /// <summary>
    /// Lookups per window, the hit rate (one in this many) under which the cache steps aside, for how many words at
    /// first, and at most.
    /// </summary>
    internal const int Window = 512, BypassBelow = 8, BypassLength = 4096, MaxBypassLength = 16384;

    /// <summary>A window's hits that make the cache grow: at least one lookup in four, fewer than seven in eight.</summary>
    internal const int GrowFrom = Window / 4, GrowBelow = Window - Window / 8;

    /// <summary>The hash <see cref="TryGet"/> gives while the cache steps aside (a real hash has bit 16 set): <see cref="Add"/> ignores it.</summary>
    private const uint Bypassed = 0;

    [ThreadStatic] private static MergedWordCache? t_cache;

    private char[] _chars = [];
    private int[] _ids = [];
    private uint[] _keys = [];
    private byte[] _used = [];
    private byte[] _idCount = [];
    private ushort[] _missed = [];
    private object? _owner;
    private int _lookups, _hits, _bypass, _nextBypass = BypassLength;

    /// <summary>A small, empty cache (<see cref="For"/> gives each thread its own; tests make their own).</summary>
    internal MergedWordCache() => Allocate(SmallSlots);

    /// <summary>How many words it can hold (a power of two).</summary>
    internal int Slots => _keys.Length;

    private void Allocate(int slots)
    {
        _chars = new char[slots * MaxChars];
        _ids = new int[slots * MaxIds];
        _keys = new uint[slots];
        _used = new byte[slots / Ways];
        _idCount = new byte[slots];
        _missed = new ushort[slots];
    }

    /// <summary>This thread's cache, emptied first when it last served another model.</summary>
    public static MergedWordCache For(object owner)
    {
        var cache = t_cache ??= new MergedWordCache();
        if (!ReferenceEquals(cache._owner, owner))
        {
            Array.Clear(cache._keys);
            Array.Clear(cache._used);
            Array.Clear(cache._missed);
            cache._owner = owner;
            cache._lookups = cache._hits = cache._bypass = 0;
            cache._nextBypass = BypassLength;
        }
        return cache;
    }

    /// <summary>
    /// Whether the cache steps aside for a word of <paramref name="length"/> chars, which counts as one of the words it
    /// steps aside for (<see cref="TryGet"/> would miss it); false when it looks words up, or would not keep this one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool StepsAside(int length)
    {
        if (_bypass <= 0 || (uint)(length - 1) >= MaxChars) return false;
        _bypass--;
        return true;
    }

    /// <summary>
    /// Copies the cached ids of <paramref name="word"/> to <paramref name="ids"/>; their count, or -1 when not cached.
    /// <paramref name="hash"/> is what <see cref="Add"/> takes after a miss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int TryGet(ReadOnlySpan<char> word, Span<int> ids, out uint hash)
    {
        hash = Bypassed;
        if (word.Length > MaxChars || word.IsEmpty || StepsAside(word.Length)) return -1;
        if (++_lookups == Window)
        {
            if (_hits < Window / BypassBelow)
            {
                _bypass = _nextBypass;
                _nextBypass = Math.Min(_nextBypass * 2, MaxBypassLength);
            }
            else
            {
                _nextBypass = BypassLength;
                if (_hits >= GrowFrom && _hits < GrowBelow && Slots < LargeSlots) Allocate(LargeSlots);
            }
            _lookups = _hits = 0;
        }
        hash = Hash(word);
        int slot = Find(word, SetOf(hash), Key(hash, word.Length));
        if (slot < 0) return -1;
        _hits++;
        _used[slot / Ways] |= (byte)(1 << (slot & (Ways - 1)));
        int count = _idCount[slot];
        _ids.AsSpan(slot * MaxIds, count).CopyTo(ids);
        return count;
    }

    /// <summary>Keeps the ids of a merged word that <see cref="TryGet"/> missed with <paramref name="hash"/>, when both fit and it missed before.</summary>
    public void Add(ReadOnlySpan<char> word, ReadOnlySpan<int> ids, uint hash)
    {
        if (hash == Bypassed || word.Length > MaxChars || word.IsEmpty || ids.Length > MaxIds) return;
        int mark = (int)hash & (Slots - 1);
        if (_missed[mark] != Tag(hash))
        {
            _missed[mark] = Tag(hash);
            return;
        }
        int slot = Victim(SetOf(hash));
        word.CopyTo(_chars.AsSpan(slot * MaxChars));
        ids.CopyTo(_ids.AsSpan(slot * MaxIds));
        _keys[slot] = Key(hash, word.Length);
        _idCount[slot] = (byte)ids.Length;
    }

    /// <summary>The slot of <paramref name="set"/> that holds <paramref name="word"/>, or -1: its key first, then its chars.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ReadOnlySpan<char> word, int set, uint key)
    {
        // The set's eight keys compared at once (two 128-bit vectors: x64 and Arm64 alike).
        ReadOnlySpan<uint> keys = _keys.AsSpan(set, Ways);
        var wanted = Vector128.Create(key);
        uint mask = Vector128.Equals(Vector128.Create(keys), wanted).ExtractMostSignificantBits()
            | Vector128.Equals(Vector128.Create(keys[4..]), wanted).ExtractMostSignificantBits() << 4;
        for (; mask != 0; mask &= mask - 1)
        {
            int slot = set + BitOperations.TrailingZeroCount(mask);
            if (word.SequenceEqual(_chars.AsSpan(slot * MaxChars, word.Length))) return slot;
        }
        return -1;
    }

    /// <summary>
    /// Where a new word of <paramref name="set"/> goes: an empty slot, else one not used since the set last filled its
    /// marks (a word is marked when it is kept and when it hits; once all are marked, the marks start again), so that
    /// words of earlier text leave before the ones in use.
    /// </summary>
    private int Victim(int set)
    {
        int empty = _keys.AsSpan(set, Ways).IndexOf(0u);
        ref byte used = ref _used[set / Ways];
        if (used == 0xFF) used = 0;
        int way = empty >= 0 ? empty : BitOperations.TrailingZeroCount(~(uint)used);
        used |= (byte)(1 << way);
        return set + way;
    }

    /// <summary>The hash bits that pick <paramref name="word"/>'s set and its first miss's mark (for tests).</summary>
    internal int SlotBits(ReadOnlySpan<char> word) => (int)Hash(word) & (Slots - 1);

    /// <summary>The first slot of the set a word of this hash sits in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SetOf(uint hash) => (int)hash & (Slots - Ways);

    /// <summary>The hash's upper 16 bits, never 0 (<see cref="Hash"/> sets bit 16): a first miss's mark, and a key's upper half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Tag(uint hash) => (ushort)(hash >> 16);

    /// <summary>A slot's key: the tag and the word's length (never 0, an empty slot's key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Key(uint hash, int length) => (uint)Tag(hash) << 16 | (uint)length;

    /// <summary>A multiply-xor hash over the word's UTF-16 bytes, eight at a time (the last eight overlap the ones before).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> word)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(word);
        ulong h = (ulong)bytes.Length * K;
        if (bytes.Length >= 8)
        {
            for (int i = 0; i + 8 < bytes.Length; i += 8) h = (h ^ MemoryMarshal.Read<ulong>(bytes[i..])) * K;
            h = (h ^ MemoryMarshal.Read<ulong>(bytes[^8..])) * K;
        }
        else
        {
            // One to three chars.
            ulong tail = bytes.Length >= 4 ? MemoryMarshal.Read<uint>(bytes) | (ulong)MemoryMarshal.Read<ushort>(bytes[^2..]) << 32 : MemoryMarshal.Read<ushort>(bytes);
            h = (h ^ tail) * K;
        }
        return ((uint)(h >> 32) ^ (uint)h) | 1u << 16;
    }
}
