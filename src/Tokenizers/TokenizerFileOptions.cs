using System.Collections.Generic;

namespace Tokenizers;

/// <summary>
/// What <see cref="TokenizerFile"/> needs beside a vocabulary file that does not say it itself: the same settings, in the
/// same form, as <see cref="GeneratedTokenizerAttribute"/>'s named arguments. A tokenizer.json takes none.
/// </summary>
public sealed class TokenizerFileOptions
{
    /// <summary>
    /// BPE (.tiktoken, vocab.json + merges.txt): the pre-tokenizer, <c>gpt2</c> (default; also r50k and p50k),
    /// <c>cl100k</c>, <c>o200k</c> or <c>none</c>. Word lists: the split regular expression (default: the notebook's).
    /// </summary>
    public string? Pattern { get; init; }

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
}
