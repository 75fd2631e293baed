using System;
using System.Collections.Generic;

namespace Tokenizers;

/// <summary>
/// What <see cref="TokenizerFile"/> needs beside a vocabulary file that does not say it itself: the same settings, in the
/// same form, as <see cref="GeneratedTokenizerAttribute"/>'s named arguments. A tokenizer.json takes none but
/// <see cref="CacheDirectory"/>.
/// </summary>
public sealed class TokenizerFileOptions
{
    /// <summary>
    /// BPE (.tiktoken, vocab.json + merges.txt) only: the pre-tokenizer, <c>gpt2</c> (default; also r50k and p50k),
    /// <c>cl100k</c>, <c>o200k</c> or <c>none</c>.
    /// </summary>
    public string? PreTokenizer { get; init; }

    /// <summary>Word lists only: the regular expression that splits text into words (default: the notebook's).</summary>
    public string? SplitRegex { get; init; }

    /// <summary>The old name of <see cref="PreTokenizer"/> (BPE) and <see cref="SplitRegex"/> (word lists), taken by the kind of file.</summary>
    [Obsolete("Pattern names two settings: use PreTokenizer for a BPE vocabulary or SplitRegex for a word list.")]
    public string? Pattern { get => _pattern; init => _pattern = value; }

    private readonly string? _pattern;

    /// <summary>BPE only: special tokens as <c>"text=id"</c>, e.g. <c>"&lt;|endoftext|&gt;=100257"</c>.</summary>
    public IReadOnlyList<string>? SpecialTokens { get; init; }

    /// <summary>Word lists only: the token unknown words become; without it, encoding an unknown word throws.</summary>
    public string? UnknownToken { get; init; }

    /// <summary>
    /// A tokenizer.json, .tiktoken file or vocab.json + merges.txt (not word lists, which build in no time): a directory
    /// where the compiled tables are kept between processes (created when missing), so that a later load of the same
    /// files skips the compile (about 1 s for Llama 3, Qwen3 or o200k) and reads them back. An entry is named by
    /// SHA-256 of the files' bytes, the options and this build of the library, so a changed file,
    /// option or library never reads a stale one. Null (the default) or empty keeps nothing. A missing, corrupt or foreign
    /// entry is compiled again and replaced, and a directory that cannot be written is skipped: the cache never fails
    /// a load. Entries are never removed; delete the directory to reclaim the space.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The pre-tokenizer setting of a BPE file and the name it was given by (for messages), with the old name as an alias.</summary>
    /// <exception cref="ArgumentException">SplitRegex is set, or Pattern beside PreTokenizer.</exception>
    internal (string? Value, string Name) BpePreTokenizer() =>
        Choose(PreTokenizer, nameof(PreTokenizer), SplitRegex, nameof(SplitRegex), "word lists", "a BPE vocabulary");

    /// <summary>The split regex of a word list and the name it was given by, with the old name as an alias.</summary>
    /// <exception cref="ArgumentException">PreTokenizer is set, or Pattern beside SplitRegex.</exception>
    internal (string? Value, string Name) WordSplitRegex() =>
        Choose(SplitRegex, nameof(SplitRegex), PreTokenizer, nameof(PreTokenizer), "BPE vocabularies", "a word list");

    /// <summary>The option a file kind takes, or the obsolete Pattern in its place; the other kind's option is an error.</summary>
    private (string? Value, string Name) Choose(string? value, string name, string? other, string otherName, string otherKind, string thisKind)
    {
        if (other is not null)
            throw new ArgumentException($"{otherName} '{Compilation.TextDisplay.Show(other)}' applies to {otherKind}; {thisKind} takes {name}");
        if (value is not null && _pattern is not null)
            throw new ArgumentException($"Pattern is the obsolete name of {name}, which is set too; remove Pattern");
        return value is not null ? (value, name) : (_pattern, "Pattern");
    }

    /// <summary>The one split setting given, if any, and its name: a tokenizer.json takes none.</summary>
    internal (string? Value, string Name) AnySplitSetting() =>
        PreTokenizer is not null ? (PreTokenizer, nameof(PreTokenizer))
        : SplitRegex is not null ? (SplitRegex, nameof(SplitRegex))
        : (_pattern, "Pattern");
}
