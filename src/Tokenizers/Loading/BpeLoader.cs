using System;
using System.Collections.Generic;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.PreTokenization;

namespace Tokenizers.Loading;

/// <summary>A parsed BPE vocabulary (.tiktoken, vocab.json + merges.txt) to a tokenizer: the generator's tables, run by <see cref="BytePairModel"/>.</summary>
internal static class BpeLoader
{
    /// <summary>The pre-tokenizer <see cref="TokenizerFileOptions.Pattern"/> names, checked before any file is read.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static PreTokenizer CheckPattern(TokenizerFileOptions options)
    {
        if (options.UnknownToken is not null)
            throw new ArgumentException($"'{TextDisplay.Show(options.UnknownToken)}': UnknownToken applies to word lists; BPE vocabularies encode every text");
        string pattern = options.Pattern ?? "gpt2";
        return PreTokenizer.FromName(pattern)
            ?? throw new ArgumentException($"Pattern '{TextDisplay.Show(pattern)}' is not valid: BPE vocabularies take gpt2, r50k, p50k, cl100k, o200k or none");
    }

    /// <exception cref="ArgumentException">A special token is not valid for this vocabulary (the generator's message).</exception>
    /// <exception cref="TokenizerFormatException">The vocabulary outgrows the trie's layout.</exception>
    public static ITokenizer Build(BpeVocabulary vocabulary, PreTokenizer preTokenizer, TokenizerFileOptions options, string path)
    {
        if (options.SpecialTokens is { Count: > 0 } specs)
        {
            var problems = new List<(int Index, string Why)>();
            SpecialTokenSpecs.Add(vocabulary, specs, problems);
            if (problems.Count > 0)
                throw new ArgumentException($"Special token '{TextDisplay.Show(specs[problems[0].Index])}': {problems[0].Why}");
        }
        var tables = BpeTableBuilder.Build(vocabulary, out string? tooLarge)
            ?? throw TokenizerFile.FileError(CompileErrorCodes.TooLarge, tooLarge!, path);
        var specials = new SpecialToken[tables.SpecialTokens.Count];
        for (int i = 0; i < specials.Length; i++) specials[i] = new SpecialToken(tables.SpecialTokens[i].Text, tables.SpecialTokens[i].Id);
        var model = new BytePairModel(ConstantTable.FromString(tables.Trie), ConstantTable.FromString(tables.TokenBytes),
            ConstantTable.FromString(tables.TokenOffsets), tables.RankToId is null ? default : ConstantTable.FromString(tables.RankToId),
            preTokenizer, specials, tables.Splits is null ? default : ConstantTable.FromString(tables.Splits), tables.MergeRule);
        return new LoadedBpeTokenizer(model, preTokenizer);
    }
}
