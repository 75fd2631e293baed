using System;
using System.Numerics;

namespace Tokenizers.TorchSharp;

/// <summary>
/// The order windows are visited in during one epoch: the identity, or a pseudo-random permutation of [0, count) drawn
/// from (seed, epoch). The permutation is a keyed Feistel network over the smallest even power of two ≥ count, with
/// cycle walking back into range, so it costs O(1) memory: a corpus of 10^10 windows needs no 80 GB index array.
/// </summary>
internal readonly struct WindowOrder
{
    private const int Rounds = 8;

    private readonly long _count;
    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly ulong _key;

    public WindowOrder(long count, bool shuffle, long seed, long epoch)
    {
        _count = count;
        if (!shuffle || count < 2)
        {
            _halfBits = 0;
            _halfMask = 0;
            _key = 0;
            return;
        }
        int bits = 64 - BitOperations.LeadingZeroCount((ulong)(count - 1));
        _halfBits = Math.Max(1, (bits + 1) / 2);
        _halfMask = (1UL << _halfBits) - 1;
        _key = Mix(Mix((ulong)seed) ^ (ulong)epoch);
    }

    /// <summary>The window visited at <paramref name="position"/> (0 ≤ position &lt; count).</summary>
    public long this[long position]
    {
        get
        {
            if (_halfBits == 0) return position;
            // The Feistel network permutes [0, 4^halfBits), fewer than 4·count values, so a few steps land in range.
            ulong x = (ulong)position;
            do x = Encrypt(x); while (x >= (ulong)_count);
            return (long)x;
        }
    }

    private ulong Encrypt(ulong x)
    {
        ulong left = x >> _halfBits, right = x & _halfMask;
        for (int round = 0; round < Rounds; round++)
        {
            ulong next = left ^ (Mix(right ^ _key ^ ((ulong)round << 56)) & _halfMask);
            left = right;
            right = next;
        }
        return (left << _halfBits) | right;
    }

    /// <summary>SplitMix64's finalizer: a fast bijective 64-bit hash.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
