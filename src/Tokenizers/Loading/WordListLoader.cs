using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Tokenizers.Compilation;
using Tokenizers.Notebook;
using Tokenizers.WordLevel;

namespace Tokenizers.Loading;

/// <summary>A word list (one token a line) to a tokenizer: the generator's tables, run by <see cref="WordLevelModel"/>.</summary>
internal static class WordListLoader
{
    /// <exception cref="ArgumentException">An option does not fit a word list (the generator's message).</exception>
    /// <exception cref="TokenizerFormatException">The list is malformed.</exception>
    public static ITokenizer Load(string path, TokenizerFileOptions options)
    {
        if (options.SpecialTokens is { Count: > 0 } specs)
            throw new ArgumentException($"Special token '{TextDisplay.Show(specs[0])}': word lists have no special tokens; add the token as a line of the word list instead");
        var (split, name) = options.WordSplitRegex();
        string? pattern = split == NotebookWordSplitter.Pattern ? null : split;
        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{name} '{TextDisplay.Show(pattern)}' is not valid: {e.Message.TrimEnd('.')}", e);
            }
        }

        var errors = new List<CompileError>();
        var words = WordListParser.Parse(TokenizerFile.ReadText(path), errors);
        TokenizerFile.ThrowFirst(errors, path);
        int unknownId = -1;
        if (options.UnknownToken is not null)
        {
            unknownId = words!.IndexOf(options.UnknownToken);
            if (unknownId < 0)
                throw new ArgumentException($"UnknownToken '{TextDisplay.Show(options.UnknownToken)}' is not a line of '{System.IO.Path.GetFileName(path)}'");
        }
        var tables = WordLevelTables.Build(words!, options.UnknownToken, unknownId, pattern);
        return new LoadedWordTokenizer(new WordLevelModel(tables.Words, tables.WordOffsets, tables.Buckets, tables.UnknownId, tables.Pattern));
    }
}
