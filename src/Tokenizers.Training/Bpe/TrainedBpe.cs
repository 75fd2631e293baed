using System.Collections.Generic;

namespace Tokenizers.Training.Bpe;

/// <summary>One merge: tokens <see cref="Left"/> and <see cref="Right"/> become <see cref="Result"/>; <see cref="Count"/> is how often the pair occurred.</summary>
public readonly record struct BpeMerge(int Left, int Right, int Result, long Count);

/// <summary>A trained byte-level BPE vocabulary.</summary>
public sealed class TrainedBpe
{
    internal TrainedBpe(List<byte[]> tokens, List<BpeMerge> merges, IReadOnlyList<string> specialTokens, string stopReason)
    {
        Tokens = tokens;
        Merges = merges;
        SpecialTokens = specialTokens;
        StopReason = stopReason;
    }

    /// <summary>The bytes of every ordinary token, by id: the 256 bytes and one per distinct merge result.</summary>
    public IReadOnlyList<byte[]> Tokens { get; }

    /// <summary>Merges in the order they were learned, which is their rank.</summary>
    public IReadOnlyList<BpeMerge> Merges { get; }

    /// <summary>Special tokens; special token i has id <c>Tokens.Count + i</c>.</summary>
    public IReadOnlyList<string> SpecialTokens { get; }

    public int VocabularySize => Tokens.Count + SpecialTokens.Count;

    /// <summary>Why training stopped: the size was reached, no pair was frequent enough, or no pairs were left.</summary>
    public string StopReason { get; }
}
