using System;
using System.Collections.Generic;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.PreTokenization;

namespace Tokenizers.Loading;

/// <summary>A parsed BPE vocabulary (.tiktoken, vocab.json + merges.txt) to a tokenizer: the generator's tables, run by <see cref="BytePairModel"/>.</summary>
internal static class BpeLoader
{
    /// <summary>The pre-tokenizer <see cref="TokenizerFileOptions.PreTokenizer"/> names, checked before any file is read.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static PreTokenizer CheckPattern(TokenizerFileOptions options)
    {
        if (options.UnknownToken is not null)
            throw new ArgumentException($"'{TextDisplay.Show(options.UnknownToken)}': UnknownToken applies to word lists; BPE vocabularies encode every text");
        var (value, name) = options.BpePreTokenizer();
        string pattern = value ?? "gpt2";
        return PreTokenizer.FromName(pattern)
            ?? throw new ArgumentException($"{name} '{TextDisplay.Show(pattern)}' is not valid: BPE vocabularies take gpt2, r50k, p50k, cl100k, o200k or none");
    }

    /// <summary>
    /// The vocabulary in the files at <paramref name="paths"/> (<paramref name="parse"/>d from their bytes) to a tokenizer,
    /// its tables compiled or read back from <see cref="TokenizerFileOptions.CacheDirectory"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is not valid, or does not fit the vocabulary (the generator's message).</exception>
    /// <exception cref="TokenizerFormatException">A file is malformed, or the vocabulary outgrows the trie's layout.</exception>
    public static ITokenizer Load(string kind, string[] paths, TokenizerFileOptions options, Func<byte[][], BpeVocabulary> parse)
    {
        var preTokenizer = CheckPattern(options);
        var (tables, spec) = TableCache.ReadOrCompile(kind, options, paths,
            inputs => BpeTableEntry.From(Compile(parse(inputs), options, paths[0])));
        return new LoadedBpeTokenizer(BpeTableEntry.Model(tables, spec, preTokenizer), preTokenizer);
    }

    /// <exception cref="ArgumentException">A special token is not valid for this vocabulary (the generator's message).</exception>
    /// <exception cref="TokenizerFormatException">The vocabulary outgrows the trie's layout.</exception>
    private static BpeTableSet Compile(BpeVocabulary vocabulary, TokenizerFileOptions options, string path)
    {
        if (options.SpecialTokens is { Count: > 0 } specs)
        {
            var problems = new List<(int Index, string Why)>();
            SpecialTokenSpecs.Add(vocabulary, specs, problems);
            if (problems.Count > 0)
                throw new ArgumentException($"Special token '{TextDisplay.Show(specs[problems[0].Index])}': {problems[0].Why}");
        }
        return BpeTableBuilder.Build(vocabulary, out string? tooLarge)
            ?? throw TokenizerFile.FileError(CompileErrorCodes.TooLarge, tooLarge!, path);
    }
}
