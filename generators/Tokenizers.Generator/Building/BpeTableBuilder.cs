using System.Collections.Generic;
using System.Linq;
using Tokenizers.Compilation;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator.Building;

/// <summary>Precomputes everything the runtime needs from a <see cref="BpeVocabulary"/>: the trie, the token table and the rank map.</summary>
internal static class BpeTableBuilder
{
    public static BpeTables Build(BpeVocabulary vocabulary, string preTokenizer)
    {
        uint[] slots = DoubleArrayTrieBuilder.BuildSlots(vocabulary.Mergeable.Select(t => (t.Bytes, t.Rank)));

        var (tokenBytes, tokenOffsets) = TokenTableBuilder.Build(vocabulary.TokenBytes);

        string? rankToId = null;
        if (!vocabulary.RanksAreIds)
        {
            var map = new int[vocabulary.Mergeable.Max(t => t.Rank) + 1];
            foreach (var t in vocabulary.Mergeable) map[t.Rank] = t.Id;
            rankToId = PackedStrings.FromInt32(map);
        }

        var specials = vocabulary.Specials.OrderBy(s => s.Id).Select(s => new SpecialTokenModel(s.Text, s.Id)).ToEquatableArray();
        return new BpeTables(
            PackedStrings.FromUInt32(slots),
            tokenBytes,
            tokenOffsets,
            rankToId,
            preTokenizer,
            specials,
            vocabulary.TokenBytes.Count,
            vocabulary.Mergeable.Count,
            slots.Length / 2,
            // Empty when some token is not built by any merge: the runtime then merges by rank, which is exact for any vocabulary.
            SplitTableBuilder.Build(vocabulary.Mergeable) is { } splits ? PackedStrings.FromUInt16(splits) : "");
    }
}
