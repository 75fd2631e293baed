using System;

namespace Tokenizers.Training.Bpe;

/// <summary>
/// The training text as linked token positions: every word (or the whole text) is a run of positions, one per byte
/// at first; a merge keeps the left position, kills the right one and relinks. A position's index is its first
/// byte's place in the text, so positions order occurrences as the text does.
/// </summary>
internal sealed class SymbolSequence
{
    public int[] Token;   // token id at a live position, -1 at a dead one
    public int[] Next;    // next live position of the same word, -1 at its end
    public int[] Prev;    // previous live position of the same word, -1 at its start
    public int[] Weight;  // how often the position's word occurs in the corpus
    public int Length;

    public SymbolSequence(int capacity)
    {
        Token = new int[capacity];
        Next = new int[capacity];
        Prev = new int[capacity];
        Weight = new int[capacity];
    }

    /// <summary>Appends a word of <paramref name="bytes"/> (one token each) occurring <paramref name="weight"/> times.</summary>
    public void AddWord(ReadOnlySpan<byte> bytes, ReadOnlySpan<int> tokenOfByte, int weight)
    {
        if (Length + bytes.Length > Token.Length) Grow(Length + bytes.Length);
        int first = Length;
        for (int i = 0; i < bytes.Length; i++)
        {
            int p = first + i;
            Token[p] = tokenOfByte[bytes[i]];
            Prev[p] = i == 0 ? -1 : p - 1;
            Next[p] = i == bytes.Length - 1 ? -1 : p + 1;
            Weight[p] = weight;
        }
        Length += bytes.Length;
    }

    private void Grow(int needed)
    {
        int size = Math.Max(needed, Token.Length * 2);
        Array.Resize(ref Token, size);
        Array.Resize(ref Next, size);
        Array.Resize(ref Prev, size);
        Array.Resize(ref Weight, size);
    }
}
