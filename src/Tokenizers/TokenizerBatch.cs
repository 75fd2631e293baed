using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Tokenizers;

/// <summary>Encodes many texts in parallel: texts are split into ranges of similar total length, one task each.</summary>
public static class TokenizerBatch
{
    /// <summary>The ids of every text, in order. Tokenizers are thread-safe, so one instance serves every core.</summary>
    public static IReadOnlyList<int>[] Encode(ITokenizer tokenizer, IReadOnlyList<string> texts, SpecialTokenPolicy? specialTokens = null)
    {
        if (tokenizer is null) throw new ArgumentNullException(nameof(tokenizer));
        if (texts is null) throw new ArgumentNullException(nameof(texts));
        var policy = specialTokens ?? SpecialTokenPolicy.None;
        var result = new IReadOnlyList<int>[texts.Count];
        if (texts.Count == 0) return result;
        // About 8 ranges a core: enough to balance uneven texts, few enough that scheduling costs nothing.
        int rangeSize = Math.Max(1, texts.Count / (Environment.ProcessorCount * 8));
        if (Environment.ProcessorCount == 1 || texts.Count == 1)
        {
            EncodeRange(tokenizer, texts, policy, result, 0, texts.Count);
            return result;
        }
        Parallel.ForEach(Partitioner.Create(0, texts.Count, rangeSize), range => EncodeRange(tokenizer, texts, policy, result, range.Item1, range.Item2));
        return result;
    }

    /// <summary>
    /// Encodes texts [from, to) through the span overload into one pooled buffer, and keeps each text's ids as an
    /// exact-size array: one allocation a text, which keeps the garbage collector, shared by all cores, out of the way.
    /// </summary>
    private static void EncodeRange(ITokenizer tokenizer, IReadOnlyList<string> texts, SpecialTokenPolicy policy,
        IReadOnlyList<int>[] result, int from, int to)
    {
        int[] buffer = ArrayPool<int>.Shared.Rent(4096);
        try
        {
            for (int i = from; i < to; i++)
            {
                string text = texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts));
                int written;
                while (tokenizer.EncodeToIds(text.AsSpan(), buffer, out _, out written, policy) == OperationStatus.DestinationTooSmall)
                {
                    // Ids never outnumber UTF-8 bytes, at most three a char.
                    int size = Math.Max(buffer.Length * 2, text.Length * 3 + 16);
                    ArrayPool<int>.Shared.Return(buffer);
                    buffer = ArrayPool<int>.Shared.Rent(size);
                }
                result[i] = written == 0 ? Array.Empty<int>() : buffer.AsSpan(0, written).ToArray();
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }
}
