using System;
using Tokenizers.Compilation;

namespace Tokenizers.Loading;

/// <summary>
/// A Hugging Face tokenizer.json to a tokenizer: compiled by <c>TokenizerJsonCompiler</c>, the generator's compiler,
/// and run by <c>HuggingFaceModel</c> (HuggingFaceTokenizer).
/// </summary>
internal static class TokenizerJsonLoader
{
    /// <exception cref="ArgumentException">An option was given: a tokenizer.json carries all of its settings.</exception>
    /// <exception cref="TokenizerFormatException">The file is malformed or uses an unsupported component.</exception>
    public static ITokenizer Load(string path, TokenizerFileOptions options)
    {
        // The generator's messages for the same attribute arguments.
        if (options.AnySplitSetting() is ({ } split, string name))
            throw new ArgumentException($"{name} '{TextDisplay.Show(split)}' is not valid: a tokenizer.json defines its own pre-tokenizer; remove {name}");
        if (options.SpecialTokens is { Count: > 0 } specs)
            throw new ArgumentException($"Special token '{TextDisplay.Show(specs[0])}': a tokenizer.json lists its own added tokens; remove SpecialTokens");
        if (options.UnknownToken is not null)
            throw new ArgumentException($"'{path}' is not a supported vocabulary: UnknownToken applies to word lists; a tokenizer.json names its own unk_token");
        var (tables, spec) = TableCache.ReadOrCompile("tokenizer.json", options, [path], inputs =>
        {
            var compiled = HuggingFaceTokenizer.Compile(TokenizerFile.ReadText(inputs[0], path), path);
            return (compiled.Tables, compiled.Spec);
        });
        return HuggingFaceTokenizer.Create(tables, spec);
    }
}
