using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>The tables of a tokenizer.json BPE model (in the order Tokenizers.HuggingFace.BpePieceEncoder takes them).</summary>
internal sealed record HfBpeTables(IReadOnlyList<NamedTable> Tables, string Summary, int VocabularySize);

/// <summary>
/// Builds the tables of a Hugging Face BPE model (<c>model.vocab</c> and <c>model.merges</c> of a tokenizer.json) and
/// decides which encoder gives Hugging Face's ids for it.
/// <para>
/// Hugging Face merges the listed adjacent pair with the lowest merge index; tiktoken's rule (the backtracking
/// encoder's) merges the pair whose concatenation is the lowest-ranked token. Only the merge that Hugging Face makes
/// last when encoding a token's own bytes ever builds that token (<see cref="HfMergeMap.LastMerge"/>), so each
/// token that merging can reach has exactly one merge that matters. Ranking those tokens by that merge's index, the
/// two rules are the same rule whenever tiktoken's, run on each token's own bytes with those ranks, also makes the
/// token last from the same two halves (<see cref="SplitTableBuilder"/> computes that): then each keeps only the merges
/// that fire, and those are the same pairs in the same order, leftmost first on ties. Such vocabularies take the linear
/// backtracking encoder. Where a few tokens break that (Llama 3's, built from halves ranked after them), a piece that
/// spells none of them still takes it, since encoding a piece only involves the tokens spelled inside it; the others,
/// and any vocabulary where many tokens break it, are merged by Hugging Face's rule itself, restricted to the merges
/// that fire.
/// </para>
/// </summary>
internal static class HfBpeTableBuilder
{
    /// <summary>Largest vocabulary (largest id + 1): the id tables stay a few tens of megabytes at most.</summary>
    public const int MaxVocabularySize = 1 << 24;

    /// <summary>Version of the table layout, first value of the info table.</summary>
    public const int LayoutVersion = 4;

    [MethodImpl(ColdRun.Optimized)]
    public static HfBpeTables? Build(TokenizerDefinition definition, IReadOnlyList<VocabEntry> vocab, IReadOnlyList<MergeEntry> merges,
        bool byteLevel, List<CompileError> errors, CancellationToken ct)
    {
        int errorCount = errors.Count;
        BpeModelDef model = definition.Model;
        int vocabularySize = 0;
        foreach (var v in vocab)
        {
            if (v.Id < 0)
            {
                errors.Add(new CompileError(CompileErrorCodes.MalformedValue, $"token '{v.Token}' has the negative id {v.Id}", "model.vocab", v.Where));
                return null;
            }
            vocabularySize = Math.Max(vocabularySize, v.Id + 1);
        }
        foreach (var a in definition.AddedTokens) vocabularySize = Math.Max(vocabularySize, a.Id + 1);
        if (vocabularySize > MaxVocabularySize)
        {
            errors.Add(new CompileError(CompileErrorCodes.TooLarge,
                $"the largest id is {vocabularySize - 1}; ids must stay below {MaxVocabularySize}", "model.vocab", default));
            return null;
        }
        if (errors.Count > errorCount) return null;

        // Token strings → ids, and each model token's bytes as merging sees them. Byte-level: a token with a char
        // outside the byte-level alphabet can never come out of a piece (pieces are made of alphabet chars), so it has
        // none. SentencePiece style: the token's UTF-8, merged from its chars.
        var idOf = new TokenIdMap(vocab.Count);
        var strings = new string?[vocabularySize];
        var modelBytes = new byte[]?[vocabularySize];
        foreach (var v in vocab)
        {
            idOf.Set(v.Token, v.Id);
            strings[v.Id] = v.Token;
            if (!byteLevel) modelBytes[v.Id] = v.Token.Length > 0 ? Encoding.UTF8.GetBytes(v.Token) : null;
            else if (ByteLevelAlphabet.TryDecode(v.Token, out byte[] bytes) && bytes.Length > 0) modelBytes[v.Id] = bytes;
        }

        if (model.ContinuingSubwordPrefix is not null || model.EndOfWordSuffix is not null)
            return AffixBpeTableBuilder.Build(definition, vocab, merges, byteLevel, vocabularySize, idOf, strings, modelBytes, errors, ct);

        var byteToId = new int[256];
        CharSymbols? charSymbols = null;
        if (byteLevel)
        {
            var missing = new List<string>();
            for (int b = 0; b < 256; b++)
            {
                if (idOf.TryGetValue(ByteLevelAlphabet.ToChar((byte)b).ToString(), out int id)) byteToId[b] = id;
                else missing.Add("0x" + b.ToString("X2", CultureInfo.InvariantCulture));
            }
            if (missing.Count > 0)
            {
                errors.Add(new CompileError(CompileErrorCodes.MissingByteAlphabet,
                    $"the byte-level vocabulary lacks the token of {missing.Count} byte(s): {string.Join(", ", missing)}", "model.vocab", default));
                return null;
            }
        }
        else
        {
            charSymbols = CharSymbols.Create(model, idOf, errors);
            if (charSymbols is null) return null;
        }

        var map = new HfMergeMap(merges.Count);
        foreach (var m in merges)
        {
            if ((m.Index & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            int right = -1, result = -1;
            string? unknown = !idOf.TryGetValue(m.Left, out int left) ? m.Left
                : !idOf.TryGetValue(m.Right, out right) ? m.Right
                : !idOf.TryGetValue(m.Left, m.Right, out result) ? m.Left + m.Right
                : null;
            if (unknown is not null)
            {
                errors.Add(new CompileError(CompileErrorCodes.UnknownMergePart,
                    $"merge '{m.Left} {m.Right}' refers to '{unknown}', which is not in model.vocab", $"model.merges[{m.Index}]", m.Where));
                continue;
            }
            if (charSymbols is not null && (charSymbols.IsOpaque(left) || charSymbols.IsOpaque(right)))
            {
                errors.Add(Unsupported($"model.merges[{m.Index}]",
                    $"merge '{m.Left} {m.Right}' merges a byte-fallback or unknown token, which is not supported"));
                continue;
            }
            map.Add(left, right, m.Index, result);
        }
        if (errors.Count > errorCount) return null;

        var selfBuilt = new bool[vocabularySize];
        var leftLength = new int[vocabularySize];
        var mergeIndex = new int[vocabularySize];
        if (charSymbols is null) map.FindLastMerges(modelBytes, byteToId, selfBuilt, leftLength, mergeIndex, ct);
        else map.FindLastMerges(strings, idOf, selfBuilt, leftLength, mergeIndex, ct);

        // Ranks: the single bytes by id, then the tokens merging can build, in the order of the merge that builds them.
        var ranking = HfMergeRanking.Rank(modelBytes, selfBuilt, leftLength, mergeIndex, out string? tooLong);
        if (ranking is null)
        {
            errors.Add(new CompileError(CompileErrorCodes.TooLarge, tooLong!, "model.vocab", default));
            return null;
        }
        var ranked = ranking.Ranked;
        bool idOrder = ranking.IdOrder;

        ct.ThrowIfCancellationRequested();
        var guarded = new List<(byte[] Bytes, int Value)>();
        Encoder encoder;
        string summary;
        List<uint>? cuts = null;
        if (charSymbols is not null)
        {
            // SentencePiece style: words of char tokens backtrack where that is exact; merging alone knows the
            // byte-fallback and unk symbols of chars outside the vocabulary.
            bool fewGuarded = ranking.FindGuarded(guarded, out int multiSymbol, ct);
            encoder = fewGuarded ? Encoder.CharGuardedBacktracking : Encoder.CharMergeRule;
            // A leading run of '▁' merges alone only without ignore_merges: else a rest that is a token would be one id.
            cuts = MetaspaceCuts.InfoValues(strings, idOf.TryGetValue(MetaspaceCuts.Meta.ToString(), out _),
                runMergesAlone: !model.IgnoreMerges && MetaspaceCuts.RunMergesAlone(merges));
            summary = "SentencePiece-style BPE (symbols are chars, " + charSymbols.Describe() + "), "
                + (!fewGuarded ? $"merges disagree with token order for {guarded.Count} of {multiSymbol} tokens: Hugging Face merge rule"
                    : guarded.Count == 0 ? "merges follow token order: linear backtracking encoder for words of char tokens, else Hugging Face merge rule"
                    : $"merges disagree with token order for {guarded.Count} of {multiSymbol} tokens (e.g. {ranking.Example(merges, guarded)}): "
                        + "linear backtracking encoder for words of char tokens that contain none of them, else Hugging Face merge rule")
                + "; " + MetaspaceCuts.Describe(cuts);
        }
        else
        {
            encoder = ranking.Decide(merges, guarded, out summary, ct);
        }
        if (encoder != Encoder.GuardedBacktracking && encoder != Encoder.CharGuardedBacktracking) guarded.Clear();

        // Tokens that merging never builds are still one id when a whole piece spells them and ignore_merges is set:
        // they share the trie, with values below -2 that every merging walk takes for "no token".
        var trieEntries = ranked.ConvertAll(t => (t.Bytes, t.Rank));
        int wholeOnly = 0;
        if (model.IgnoreMerges)
            for (int id = 0; id < vocabularySize; id++)
                if (modelBytes[id] is { } bytes && !selfBuilt[id])
                {
                    trieEntries.Add((bytes, WholeOnlyValue(id)));
                    wholeOnly++;
                }

        ct.ThrowIfCancellationRequested();
        uint[] trie, guardTrie;
        try
        {
            trie = DoubleArrayTrieBuilder.BuildSlots(trieEntries, ct, ranking.Splits);
            guardTrie = guarded.Count == 0 ? Array.Empty<uint>() : DoubleArrayTrieBuilder.BuildSlots(guarded, ct);
        }
        catch (TrieTooLargeException e)
        {
            errors.Add(new CompileError(CompileErrorCodes.TooLarge, e.Message, "model.vocab", default));
            return null;
        }

        var tables = new List<NamedTable>
        {
            new("BpeInfo", "layout version, encoder (0 backtracking, 1 Hugging Face merge rule, 2 backtracking unless a piece holds a guarded token, "
                + "3 char merge rule, 4 affix merge rule, 5 backtracking for words of char tokens that hold no guarded token), tokens only a whole piece matches; SentencePiece style: unk id + 1, fuse_unk, the char words are cut before "
                + "(0: none), the count of chars before it that block a cut and those chars, byte-fallback id + 1 per byte",
                PackedStrings.FromUInt32(Info(encoder, wholeOnly, charSymbols, cuts))),
            new("BpeTrie", $"double-array trie of the {ranked.Count} tokens merging can build (value: rank) and the {wholeOnly} "
                + "only a whole piece matches (ignore_merges; value: int.MinValue + id)", PackedStrings.FromUInt32(trie)),
            new("BpeSplits", "per rank, byte length of the left half of the merge that builds the token (0: one byte)", PackedStrings.FromUInt16(ranking.Splits)),
            new("BpeRankToId", idOrder ? "empty: ranks are ids" : "int32 id per rank", idOrder ? "" : PackedStrings.FromInt32(ranking.RankToId)),
            new("BpeGuard", $"double-array trie of the {guarded.Count} tokens whose pieces take Hugging Face's merge rule: unit, rank",
                PackedStrings.FromUInt32(guardTrie)),
        };
        tables.AddRange(TokenTables(strings, definition.AddedTokens, vocabularySize, byteLevel));
        tables.Add(CrossFloors(encoder is Encoder.MergeRule or Encoder.CharMergeRule ? null : CrossFloorTable.Build(ranked, ranking.Splits)));
        return new HfBpeTables(tables, summary, vocabularySize);
    }

    /// <summary>The last table: the floors of the backtracking encoder's boundary checks (<see cref="CrossFloorTable"/>), empty where there are none.</summary>
    public static NamedTable CrossFloors(ushort[]? floors) =>
        new("BpeCrossFloors", floors is null ? "empty: no piece backtracks, or too few tokens"
            : $"per byte pair x * 256 + y, the lowest rank of a token whose last merge splits it between x and y ({CrossFloorTable.Cap} at most)",
            floors is null ? "" : PackedStrings.FromUInt16(floors));

    /// <summary>The two tables before it, which every encoder's decoding reads: each id's bytes, and their offsets.</summary>
    public static NamedTable[] TokenTables(string?[] strings, AddedTokenDef[] added, int vocabularySize, bool byteLevel)
    {
        var (tokenBytes, tokenOffsets) = TokenTableBuilder.Build(DecodedTokens(strings, added, vocabularySize, byteLevel));
        return
        [
            new("TokenBytes", "every id's bytes, concatenated", tokenBytes),
            new("TokenOffsets", "uint32 offset into TokenBytes per id, plus one", tokenOffsets),
        ];
    }

    /// <summary>
    /// Each id's bytes as Hugging Face decodes it: an added token's content wins over the model's token (its
    /// <c>id_to_token</c>), and with the ByteLevel decoder a token whose chars are all in the alphabet is those bytes,
    /// any other its UTF-8.
    /// </summary>
    private static byte[]?[] DecodedTokens(string?[] strings, AddedTokenDef[] added, int vocabularySize, bool byteLevel)
    {
        var texts = (string?[])strings.Clone();
        foreach (var a in added) texts[a.Id] = a.Content;
        var bytes = new byte[]?[vocabularySize];
        for (int id = 0; id < vocabularySize; id++)
        {
            string? text = texts[id];
            if (text is null) continue;
            bytes[id] = byteLevel && ByteLevelAlphabet.TryDecode(text, out byte[] decoded) ? decoded : Encoding.UTF8.GetBytes(text);
        }
        return bytes;
    }

    private static uint[] Info(Encoder encoder, int wholeOnly, CharSymbols? chars, List<uint>? cuts)
    {
        var info = new List<uint> { LayoutVersion, (uint)encoder, (uint)wholeOnly };
        if (chars is null) return info.ToArray();
        info.AddRange(chars.UnknownValues());
        info.AddRange(cuts!);
        info.AddRange(chars.ByteFallbackValues());
        return info.ToArray();
    }

    /// <summary>The trie value of a token that only a whole piece matches: below -2, so merging never takes it for a token.</summary>
    public static int WholeOnlyValue(int id) => int.MinValue + id;

    /// <summary>How pieces are merged (the second value of the info table).</summary>
    public enum Encoder
    {
        /// <summary>The linear backtracking encoder: tiktoken's rule gives Hugging Face's result for every piece.</summary>
        Backtracking = 0,

        /// <summary>Hugging Face's rule (BytePairMerger restricted to the merge that builds each token).</summary>
        MergeRule = 1,

        /// <summary>Backtracking, except for pieces that contain a guarded token (the BpeGuard trie): those take the merge rule.</summary>
        GuardedBacktracking = 2,

        /// <summary>
        /// SentencePiece style: the symbols are the piece's chars (or the byte-fallback ids of a char not in the
        /// vocabulary, or unk), merged by Hugging Face's rule.
        /// </summary>
        CharMergeRule = 3,

        /// <summary>
        /// A continuing_subword_prefix or end_of_word_suffix (<see cref="AffixBpeTableBuilder"/>): each char's symbol
        /// is looked up with them, and merged by Hugging Face's rule over the merge map itself.
        /// </summary>
        AffixMergeRule = 4,

        /// <summary>
        /// SentencePiece style with few guarded tokens: a word of char tokens that spells none of them takes the
        /// backtracking encoder; any other word the char merger (<see cref="CharMergeRule"/>).
        /// </summary>
        CharGuardedBacktracking = 5,
    }

    private static CompileError Unsupported(string path, string message) =>
        new(CompileErrorCodes.UnsupportedComponent, message, path, default);
}
