using System;
using System.Diagnostics;

namespace Tokenizers;

/// <summary>
/// Asks Tokenizers.Generator to compile a tokenizer into the attributed <c>partial class</c> at build time.
/// The vocabulary files must be listed as <c>AdditionalFiles</c> of the project.
/// </summary>
/// <remarks>
/// Supported vocabularies:
/// <list type="bullet">
/// <item><c>vocab.json</c> + <c>merges.txt</c>: Hugging Face byte-level BPE (GPT-2 format).</item>
/// <item>a <c>.tiktoken</c> rank file: one <c>base64 rank</c> pair per line.</item>
/// <item>a word list (<c>.txt</c>, no merges): one token per line, the id is the line index.</item>
/// </list>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("TOKENIZERS_KEEP_ATTRIBUTE")]
public sealed class GeneratedTokenizerAttribute : Attribute
{
    /// <param name="vocabularyPath">Path of the vocabulary, relative to the project, or its file name.</param>
    /// <param name="mergesPath">Path of <c>merges.txt</c> for a BPE vocabulary in Hugging Face format.</param>
    public GeneratedTokenizerAttribute(string vocabularyPath, string? mergesPath = null)
    {
        VocabularyPath = vocabularyPath;
        MergesPath = mergesPath;
    }

    /// <summary>Path of the vocabulary file.</summary>
    public string VocabularyPath { get; }

    /// <summary>Path of the merges file, if any.</summary>
    public string? MergesPath { get; }

    /// <summary>
    /// BPE vocabularies (<c>.tiktoken</c>, <c>vocab.json</c> + <c>merges.txt</c>): the pre-tokenizer that splits text
    /// before the merges, by name: <c>gpt2</c> (default; also <c>r50k</c>, <c>p50k</c>), <c>cl100k</c>, <c>o200k</c>
    /// (each also with <c>_base</c>) or <c>none</c>.
    /// </summary>
    public string? PreTokenizer { get; set; }

    /// <summary>
    /// Word lists: a regular expression whose matches and separators split the text, as Python's <c>re.split</c>
    /// (captured separators are words, blank pieces are dropped); by default the seed notebook's
    /// <c>([,.?_!"()']|--|\s)</c>, run by an allocation-free scanner.
    /// </summary>
    public string? SplitRegex { get; set; }

    /// <summary>The former name of <see cref="PreTokenizer"/> (BPE) and <see cref="SplitRegex"/> (word lists).</summary>
    [Obsolete("Pattern names two settings: use PreTokenizer for a BPE vocabulary or SplitRegex for a word list.")]
    public string? Pattern { get; set; }

    /// <summary>
    /// Special tokens as <c>"text=id"</c> entries, for example <c>"&lt;|endoftext|&gt;=50256"</c>.
    /// They are only recognised in text when encoding allows them.
    /// </summary>
    public string[]? SpecialTokens { get; set; }

    /// <summary>For word lists: the token that replaces unknown words. Without it, an unknown word throws.</summary>
    public string? UnknownToken { get; set; }
}
