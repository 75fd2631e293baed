using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// The tables of a BPE model with a <c>continuing_subword_prefix</c> (e.g. "##") or an <c>end_of_word_suffix</c>
/// (e.g. "&lt;/w&gt;"), for Tokenizers.HuggingFace.AffixPairMerger. Hugging Face's <c>merge_word</c> looks every char
/// of a piece up with the prefix in front unless it is the first and the suffix behind if it is the last, so one char
/// is up to four different symbols, and a merge <c>(a, b)</c> makes <c>a + b[prefix.len()..]</c>, not <c>a + b</c>.
/// The trie-walk encoders, whose merges are concatenations of byte spans, cannot hold that; these models are merged
/// by Hugging Face's rule over ids with the merge map itself.
/// <para>
/// Tables (in <see cref="HfBpeTableBuilder"/>'s slots): info; the tokens a whole piece matches (<c>ignore_merges</c>,
/// else none); the merge map as (left, right, index, result) sorted by pair; no rank table; every token's text as
/// Hugging Face sees it (UTF-8, value: id), for the symbol lookups; the token bytes.
/// </para>
/// </summary>
internal static class AffixBpeTableBuilder
{
    /// <summary>The info table's values after layout version, encoder and whole-only count.</summary>
    public const int UnkAt = 3, FuseAt = 4, ByteLevelAt = 5;

    public static HfBpeTables? Build(TokenizerDefinition definition, IReadOnlyList<VocabEntry> vocab, IReadOnlyList<MergeEntry> merges,
        bool byteLevel, int vocabularySize, TokenIdMap idOf, string?[] strings, byte[]?[] modelBytes, List<CompileError> errors, CancellationToken ct)
    {
        BpeModelDef model = definition.Model;
        if (model.ByteFallback)
        {
            // merge_word then falls back to the bytes of the affixed symbol (prefix and suffix included): more ids than
            // bytes, which no caller's buffer allows for.
            errors.Add(new CompileError(CompileErrorCodes.UnsupportedComponent,
                "byte_fallback together with continuing_subword_prefix or end_of_word_suffix is not supported", "model.byte_fallback", default));
            return null;
        }
        string prefix = model.ContinuingSubwordPrefix ?? "";
        string suffix = model.EndOfWordSuffix ?? "";
        int prefixBytes = Encoding.UTF8.GetByteCount(prefix);

        // The merge map as Hugging Face builds it: a later entry for the same pair replaces the earlier one.
        var map = new Dictionary<long, (int Index, int Result)>(merges.Count);
        int errorCount = errors.Count;
        foreach (var m in merges)
        {
            if ((m.Index & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            string path = $"model.merges[{m.Index}]";
            if (!idOf.TryGetValue(m.Left, out int left) || !idOf.TryGetValue(m.Right, out int right))
            {
                string unknown = idOf.TryGetValue(m.Left, out _) ? m.Right : m.Left;
                errors.Add(new CompileError(CompileErrorCodes.UnknownMergePart,
                    $"merge '{m.Left} {m.Right}' refers to '{unknown}', which is not in model.vocab", path, m.Where));
                continue;
            }
            // Hugging Face cuts prefix.len() bytes off the right part, whatever they are; a cut inside a char or past
            // the end is a panic there.
            int cut = CharsInFirstBytes(m.Right, prefixBytes);
            if (cut < 0)
            {
                errors.Add(new CompileError(CompileErrorCodes.MalformedMerge,
                    $"merge '{m.Left} {m.Right}': its right part does not start with {prefixBytes} whole bytes to drop for continuing_subword_prefix '{TextDisplay.Show(prefix)}'",
                    path, m.Where));
                continue;
            }
            string rest = m.Right.Substring(cut);
            if (!idOf.TryGetValue(m.Left, rest, out int result))
            {
                errors.Add(new CompileError(CompileErrorCodes.UnknownMergePart,
                    $"merge '{m.Left} {m.Right}' makes '{m.Left + rest}', which is not in model.vocab", path, m.Where));
                continue;
            }
            map[((long)left << 32) | (uint)right] = (m.Index, result);
        }
        if (errors.Count > errorCount) return null;

        int unkId = -1;
        if (model.UnkToken is not null && !idOf.TryGetValue(model.UnkToken, out unkId) && !(byteLevel && EveryByteSymbolExists(idOf, prefix, suffix)))
        {
            errors.Add(new CompileError(CompileErrorCodes.UnknownTokenNotInVocabulary,
                $"unk_token '{TextDisplay.Show(model.UnkToken)}' is not in model.vocab, and chars outside the vocabulary need it", "model.unk_token", default));
            return null;
        }

        var symbols = new List<(byte[] Bytes, int Value)>(vocab.Count);
        foreach (var v in vocab)
            if (v.Token.Length > 0) symbols.Add((Encoding.UTF8.GetBytes(v.Token), v.Id));
        var wholeOnly = new List<(byte[] Bytes, int Value)>();
        if (model.IgnoreMerges)
            for (int id = 0; id < vocabularySize; id++)
                if (modelBytes[id] is { } bytes) wholeOnly.Add((bytes, HfBpeTableBuilder.WholeOnlyValue(id)));

        var keys = new List<long>(map.Keys);
        keys.Sort();
        var mergeTable = new uint[keys.Count * 4];
        for (int i = 0; i < keys.Count; i++)
        {
            var (index, result) = map[keys[i]];
            mergeTable[4 * i] = (uint)(keys[i] >> 32);
            mergeTable[4 * i + 1] = (uint)keys[i];
            mergeTable[4 * i + 2] = (uint)index;
            mergeTable[4 * i + 3] = (uint)result;
        }

        ct.ThrowIfCancellationRequested();
        uint[] wholeTrie, symbolTrie;
        try
        {
            wholeTrie = DoubleArrayTrieBuilder.BuildSlots(wholeOnly, ct);
            symbolTrie = DoubleArrayTrieBuilder.BuildSlots(symbols, ct);
        }
        catch (TrieTooLargeException e)
        {
            errors.Add(new CompileError(CompileErrorCodes.TooLarge, e.Message, "model.vocab", default));
            return null;
        }

        uint[] info = [HfBpeTableBuilder.LayoutVersion, (uint)HfBpeTableBuilder.Encoder.AffixMergeRule, (uint)wholeOnly.Count,
            (uint)(unkId + 1), model.FuseUnk ? 1u : 0u, byteLevel ? 1u : 0u];
        string affixes = (prefix.Length > 0 ? $"continuing_subword_prefix '{TextDisplay.Show(prefix)}'" : "")
            + (prefix.Length > 0 && suffix.Length > 0 ? " and " : "")
            + (suffix.Length > 0 ? $"end_of_word_suffix '{TextDisplay.Show(suffix)}'" : "");
        var tables = new List<NamedTable>
        {
            new("BpeInfo", "layout version, encoder (4: affixed symbols, Hugging Face merge rule), tokens only a whole piece matches, unk id + 1, fuse_unk, byte-level",
                PackedStrings.FromUInt32(info)),
            new("BpeTrie", $"double-array trie of the {wholeOnly.Count} tokens a whole piece matches (ignore_merges; value: int.MinValue + id)",
                PackedStrings.FromUInt32(wholeTrie)),
            new("BpeSplits", $"the {keys.Count} merges as uint32 (left id, right id, merge index, result id), sorted by pair", PackedStrings.FromUInt32(mergeTable)),
            new("BpeRankToId", "empty: merging works on ids", ""),
            new("BpeGuard", $"double-array trie of the {symbols.Count} tokens' text (UTF-8; value: id), for the affixed symbol lookups",
                PackedStrings.FromUInt32(symbolTrie)),
        };
        tables.AddRange(HfBpeTableBuilder.TokenTables(strings, definition.AddedTokens, vocabularySize, byteLevel));
        tables.Add(HfBpeTableBuilder.CrossFloors(null));
        return new HfBpeTables(tables, $"BPE with {affixes}: Hugging Face merge rule on affixed symbols", vocabularySize);
    }

    /// <summary>How many chars of <paramref name="text"/> its first <paramref name="bytes"/> UTF-8 bytes are; -1 when they end inside a char or past the end.</summary>
    private static int CharsInFirstBytes(string text, int bytes)
    {
        int i = 0;
        while (bytes > 0 && i < text.Length)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            bytes -= pair ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            i += pair ? 2 : 1;
        }
        return bytes == 0 ? i : -1;
    }

    /// <summary>Whether each byte's char is a token in all four places (first or not, last or not): then no char is ever unknown.</summary>
    private static bool EveryByteSymbolExists(TokenIdMap idOf, string prefix, string suffix)
    {
        for (int b = 0; b < 256; b++)
        {
            string c = ByteLevelAlphabet.ToChar((byte)b).ToString();
            if (!idOf.TryGetValue(c, out _) || !idOf.TryGetValue(prefix + c, out _) || !idOf.TryGetValue(c, suffix, out _)
                || !idOf.TryGetValue(prefix + c, suffix, out _))
                return false;
        }
        return true;
    }
}
