using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// The tables of a byte-level BPE tokenizer, packed two bytes a char, in the order Tokenizers.Bpe.BytePairModel takes
/// them; <see cref="RankToId"/> is null when ranks are ids, <see cref="Splits"/> empty when the runtime must merge by rank,
/// <see cref="CrossFloors"/> (<see cref="CrossFloorTable"/>) empty unless pieces take the backtracking encoder.
/// Special tokens are in id order.
/// </summary>
internal sealed record BpeTableSet(
    string Trie,
    string TokenBytes,
    string TokenOffsets,
    string? RankToId,
    string Splits,
    string CrossFloors,
    IReadOnlyList<(string Text, int Id)> SpecialTokens,
    int VocabularySize,
    int MergeableCount,
    int TrieSlots,
    string? MergeRuleSummary = null)
{
    /// <summary>Whether <see cref="Splits"/> are Hugging Face's and pieces merge by its rule, not by the backtracking encoder.</summary>
    public bool MergeRule => MergeRuleSummary is not null;

    /// <summary>Chars of all tables together.</summary>
    public long Chars => (long)Trie.Length + TokenBytes.Length + TokenOffsets.Length + (RankToId?.Length ?? 0) + Splits.Length + CrossFloors.Length;
}

/// <summary>Precomputes everything the runtime needs from a <see cref="BpeVocabulary"/>: the trie, the token table and the rank map.</summary>
internal static class BpeTableBuilder
{
    /// <summary>The tables; null with <paramref name="tooLarge"/> saying why when the trie cannot address the vocabulary.</summary>
    public static BpeTableSet? Build(BpeVocabulary vocabulary, out string? tooLarge, CancellationToken cancellationToken = default)
    {
        tooLarge = null;
        if (vocabulary.Mergeable.Count * 3L > DoubleArrayTrieBuilder.MaxBase)
        {
            tooLarge = $"{TextDisplay.Number(vocabulary.Mergeable.Count)} mergeable tokens exceed the trie's 23-bit address space";
            return null;
        }
        int maxRank = vocabulary.Mergeable.Count == 0 ? 0 : vocabulary.Mergeable.Max(t => t.Rank);
        if (maxRank > TrieLayout.RankMask)
        {
            tooLarge = $"rank {TextDisplay.Number(maxRank)} exceeds the {TrieLayout.RankBits}-bit ranks of the trie's values (at most {TextDisplay.Number(TrieLayout.RankMask)})";
            return null;
        }
        // Hugging Face's splits when its rule must merge; else null when some token is not built by any merge: the
        // runtime then merges by rank, which is exact for any vocabulary.
        ushort[]? splits = vocabulary.MergeRuleSplits ?? SplitTableBuilder.Build(vocabulary.Mergeable, cancellationToken);
        uint[] slots;
        try
        {
            slots = DoubleArrayTrieBuilder.BuildSlots(vocabulary.Mergeable.Select(t => (t.Bytes, t.Rank)), cancellationToken, splits);
        }
        catch (TrieTooLargeException)
        {
            tooLarge = "its trie outgrows the 23-bit addresses of the generated layout";
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (tokenBytes, tokenOffsets) = TokenTableBuilder.Build(vocabulary.TokenBytes);

        string? rankToId = null;
        if (!vocabulary.RanksAreIds)
        {
            var map = new int[maxRank + 1];
            foreach (var t in vocabulary.Mergeable) map[t.Rank] = t.Id;
            rankToId = PackedStrings.FromInt32(map);
        }

        return new BpeTableSet(
            PackedStrings.FromUInt32(slots),
            tokenBytes,
            tokenOffsets,
            rankToId,
            splits is not null ? PackedStrings.FromUInt16(splits) : "",
            splits is not null && vocabulary.MergeRuleSplits is null
                && CrossFloorTable.Build(vocabulary.Mergeable, splits) is { } floors ? PackedStrings.FromUInt16(floors) : "",
            vocabulary.Specials.OrderBy(s => s.Id).ToList(),
            vocabulary.TokenBytes.Count,
            vocabulary.Mergeable.Count,
            slots.Length / 2,
            vocabulary.MergeRuleSummary);
    }
}
