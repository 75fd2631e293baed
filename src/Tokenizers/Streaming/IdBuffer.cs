using System;
using System.Buffers;

namespace Tokenizers.Streaming;

/// <summary>
/// Ids collected by one worker of a parallel encode, in a pooled array that grows, delivered later in order; and the
/// scratch buffer the span API writes each piece's ids into.
/// </summary>
internal sealed class IdBuffer : IDisposable
{
    public int[] Items = [];
    public int[] Scratch = ArrayPool<int>.Shared.Rent(StreamingEncoder.DefaultChunkChars + 64);
    public int Count;

    public IdBuffer() => Append = AppendIds;

    /// <summary>Appends ids; cached, so that handing it to an encoder allocates no delegate.</summary>
    public TokenSpanAction Append { get; }

    public ReadOnlySpan<int> Span => Items.AsSpan(0, Count);

    public void Add(int id) => AppendIds(new ReadOnlySpan<int>(in id));

    private void AppendIds(ReadOnlySpan<int> ids)
    {
        if (Items.Length < Count + ids.Length)
        {
            int[] bigger = ArrayPool<int>.Shared.Rent(Math.Max(Count + ids.Length, 2 * Items.Length));
            Items.AsSpan(0, Count).CopyTo(bigger);
            if (Items.Length > 0) ArrayPool<int>.Shared.Return(Items);
            Items = bigger;
        }
        ids.CopyTo(Items.AsSpan(Count));
        Count += ids.Length;
    }

    /// <summary>
    /// Appends the ids of <paramref name="text"/>, through the tokenizer's allocation-free span API, growing the scratch
    /// buffer when one piece needs more ids than it holds.
    /// </summary>
    public void Encode(ITokenizer tokenizer, ReadOnlySpan<char> text, SpecialTokenPolicy policy)
    {
        while (true)
        {
            OperationStatus status = tokenizer.EncodeToIds(text, Scratch, out int consumed, out int written, policy);
            AppendIds(Scratch.AsSpan(0, written));
            text = text[consumed..];
            if (status == OperationStatus.Done) return;
            if (consumed == 0 && written == 0)
            {
                int needed = Math.Max(Scratch.Length * 2, 16);
                ArrayPool<int>.Shared.Return(Scratch);
                Scratch = ArrayPool<int>.Shared.Rent(needed);
            }
        }
    }

    public void Dispose()
    {
        if (Items.Length > 0) ArrayPool<int>.Shared.Return(Items);
        if (Scratch.Length > 0) ArrayPool<int>.Shared.Return(Scratch);
        Items = Scratch = [];
    }
}
