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
        var (units, values) = DoubleArrayTrieBuilder.Build(vocabulary.Mergeable.Select(t => (t.Bytes, t.Rank)));

        // Token table: every id's bytes back to back, and n + 1 offsets; an unused id has length 0.
        var bytes = new List<byte>();
        var offsets = new List<uint>(vocabulary.TokenBytes.Count + 1);
        foreach (var token in vocabulary.TokenBytes)
        {
            offsets.Add((uint)bytes.Count);
            if (token is not null) bytes.AddRange(token);
        }
        offsets.Add((uint)bytes.Count);

        string? rankToId = null;
        if (!vocabulary.RanksAreIds)
        {
            var map = new int[vocabulary.Mergeable.Max(t => t.Rank) + 1];
            foreach (var t in vocabulary.Mergeable) map[t.Rank] = t.Id;
            rankToId = PackedStrings.FromInt32(map);
        }

        var specials = vocabulary.Specials.OrderBy(s => s.Id).Select(s => new SpecialTokenModel(s.Text, s.Id)).ToEquatableArray();
        // The trie interleaved, unit then value a slot: a child's label check and its value share a cache line.
        var slots = new uint[units.Length * 2];
        for (int i = 0; i < units.Length; i++)
        {
            slots[2 * i] = units[i];
            slots[2 * i + 1] = (uint)values[i];
        }
        return new BpeTables(
            PackedStrings.FromUInt32(slots),
            PackedStrings.FromBytes(bytes),
            PackedStrings.FromUInt32(offsets),
            rankToId,
            preTokenizer,
            specials,
            vocabulary.TokenBytes.Count,
            vocabulary.Mergeable.Count,
            units.Length,
            // Empty when some token is not built by any merge: the runtime then merges by rank, which is exact for any vocabulary.
            SplitTableBuilder.Build(vocabulary.Mergeable) is { } splits ? PackedStrings.FromUInt16(splits) : "");
    }
}
