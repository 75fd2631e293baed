using System;
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
            for (int i = 0; i < texts.Count; i++) result[i] = tokenizer.EncodeToIds(texts[i], policy);
            return result;
        }
        Parallel.ForEach(Partitioner.Create(0, texts.Count, rangeSize), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++) result[i] = tokenizer.EncodeToIds(texts[i], policy);
        });
        return result;
    }
}
