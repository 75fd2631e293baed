using System;
using System.Collections.Generic;

namespace Tokenizers.Training.Bpe;

/// <summary>What <see cref="BpeTrainer"/> builds.</summary>
public sealed class BpeTrainingOptions
{
    /// <summary>Total ids: the 256 bytes, the merges and the special tokens.</summary>
    public int VocabularySize { get; init; }

    /// <summary>Training stops when the most frequent pair occurs fewer times than this.</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>
    /// Pre-tokenizer name (<c>gpt2</c>, <c>cl100k</c>, <c>o200k</c> or <c>none</c>): merges never cross its pieces,
    /// as in GPT-2 and Hugging Face. Ignored by <see cref="SeedCompatible"/>, which uses none.
    /// </summary>
    public string PreTokenizer { get; init; } = "gpt2";

    /// <summary>Special tokens, given the ids after the merges. Their text is cut out of the corpus before training.</summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = [];

    /// <summary>
    /// The notebook's SimpleBPETokenizer.train, exactly: raw bytes with no pre-tokenization, ids 0–255 are the byte
    /// values, the most frequent pair wins and a tie goes to the pair that occurs first in the text (Python's
    /// <c>max</c> over a <c>Counter</c>). Otherwise ids 0–255 follow GPT-2's byte order, and ties still go to the
    /// pair seen first (in the order pieces first occur), so training is deterministic either way.
    /// </summary>
    public bool SeedCompatible { get; init; }

    /// <summary>Told how far training is, every few hundred merges and at the end.</summary>
    public IProgress<BpeTrainingProgress>? Progress { get; init; }

    internal int MergeTarget => VocabularySize - 256 - SpecialTokens.Count;
}

/// <summary>How far training is: merges done of at most <see cref="MaxMerges"/>, and the count of the last merged pair.</summary>
public readonly record struct BpeTrainingProgress(int Merges, int MaxMerges, long LastPairCount, bool Finished);
