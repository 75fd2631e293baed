using System;
using System.Collections.Generic;
using System.Globalization;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.PreTokenization;

namespace Tokenizers.Loading;

/// <summary>
/// A BPE vocabulary's compiled tables (<see cref="BpeTableSet"/>) as the named tables and spec a <see cref="TableCache"/>
/// entry holds, and back to a <see cref="BytePairModel"/>: the tables by name, each special token as a table named
/// "special:ID" holding its text, and whether pieces merge by Hugging Face's rule in the spec. Fresh and cached loads
/// both build their model from this form.
/// </summary>
internal static class BpeTableEntry
{
    private const string Trie = "Trie", TokenBytes = "TokenBytes", TokenOffsets = "TokenOffsets", RankToId = "RankToId", Splits = "Splits", CrossFloors = "CrossFloors";
    private const string SpecialPrefix = "special:", RankSpec = "bpe", MergeRuleSpec = "bpe merge-rule: ";

    public static (IReadOnlyList<NamedTable> Tables, string Spec) From(BpeTableSet set)
    {
        var tables = new List<NamedTable> { new(Trie, "", set.Trie), new(TokenBytes, "", set.TokenBytes), new(TokenOffsets, "", set.TokenOffsets), new(Splits, "", set.Splits), new(CrossFloors, "", set.CrossFloors) };
        if (set.RankToId is not null) tables.Add(new(RankToId, "", set.RankToId));
        foreach (var (text, id) in set.SpecialTokens) tables.Add(new(SpecialPrefix + id.ToString(CultureInfo.InvariantCulture), "", text));
        return (tables, set.MergeRuleSummary is null ? RankSpec : MergeRuleSpec + set.MergeRuleSummary);
    }

    /// <exception cref="InvalidOperationException">Tables this class did not write (a bug: cache entries are checksummed and keyed).</exception>
    public static BytePairModel Model(IReadOnlyList<NamedTable> tables, string spec, PreTokenizer preTokenizer)
    {
        ConstantTable trie = default, tokenBytes = default, tokenOffsets = default, rankToId = default, splits = default, crossFloors = default;
        var specials = new List<SpecialToken>();
        foreach (NamedTable table in tables)
        {
            var data = ConstantTable.FromString(table.Data);
            switch (table.Name)
            {
                case Trie: trie = data; break;
                case TokenBytes: tokenBytes = data; break;
                case TokenOffsets: tokenOffsets = data; break;
                case RankToId: rankToId = data; break;
                case Splits: splits = data; break;
                case CrossFloors: crossFloors = data; break;
                case { } name when name.StartsWith(SpecialPrefix, StringComparison.Ordinal):
                    specials.Add(new SpecialToken(table.Data, int.Parse(name.AsSpan(SpecialPrefix.Length), CultureInfo.InvariantCulture)));
                    break;
                default: throw new InvalidOperationException($"'{table.Name}' is not a table of a BPE vocabulary");
            }
        }
        return spec.StartsWith(MergeRuleSpec, StringComparison.Ordinal)
            ? new BytePairModel(trie, tokenBytes, tokenOffsets, rankToId, preTokenizer, [.. specials], splits, huggingFaceMergeRule: true)
            : new BytePairModel(trie, tokenBytes, tokenOffsets, rankToId, preTokenizer, [.. specials], splits, crossFloors);
    }
}
