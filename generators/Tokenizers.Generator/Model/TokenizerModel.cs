using Tokenizers.Compilation;

namespace Tokenizers.Generator.Model;

/// <summary>A special token for the emitter.</summary>
internal sealed record SpecialTokenModel(string Text, int Id);

/// <summary>
/// The compiled tables of a byte-level BPE tokenizer, packed two bytes a char as the runtime reads them
/// (see Tokenizers.Data.PackedData). Strings compare by value, so an unchanged vocabulary caches.
/// </summary>
internal sealed record BpeTables(
    string Trie,
    string TokenBytes,
    string TokenOffsets,
    string? RankToId,
    string PreTokenizer,
    EquatableArray<SpecialTokenModel> SpecialTokens,
    int VocabularySize,
    int MergeableCount,
    int TrieSlots,
    string Splits,
    string CrossFloors,
    string? MergeRuleSummary = null);

/// <summary>
/// Everything the emitter needs for one tokenizer class, or the diagnostics that stop it (then a class whose
/// members throw is emitted, so that uses of the class compile). Keyed by content; holds no positions but spans of
/// the vocabulary files. <see cref="Literals"/> are the string literals its data file adds to the assembly's heap.
/// </summary>
internal sealed record TokenizerModel(
    TokenizerKey Key,
    string SourceDescription,
    BpeTables? Bpe,
    EquatableArray<DiagnosticInfo> Diagnostics,
    WordTables? Words = null,
    HuggingFaceTables? HuggingFace = null,
    EquatableArray<LiteralSize> Literals = default)
{
    public string? Namespace => Key.Namespace;

    public string ClassName => Key.ClassName;

    public string Accessibility => Key.Accessibility;
}

/// <summary>A compiled tokenizer.json: its tables, its pipeline spec and the header line saying which encoder it takes.</summary>
internal sealed record HuggingFaceTables(
    EquatableArray<Tokenizers.Compilation.NamedTable> Tables,
    string Spec,
    string Summary,
    int VocabularySize);

/// <summary>One string literal of a data file: its identity (equal literals are stored once) and its bytes in the #US heap.</summary>
internal sealed record LiteralSize(string Identity, long Bytes);

/// <summary>The input of the expensive step: a request's content and the text of the files it may name.</summary>
internal sealed record CompileInput(TokenizerKey Key, EquatableArray<Parsing.VocabularyFile> Files, string? ProjectDirectory);
