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
    string Splits);

/// <summary>Everything the emitter needs for one tokenizer class, or the diagnostics that stop it.</summary>
internal sealed record TokenizerModel(
    string? Namespace,
    string ClassName,
    string Accessibility,
    string SourceDescription,
    BpeTables? Bpe,
    EquatableArray<DiagnosticInfo> Diagnostics,
    WordTables? Words = null,
    HuggingFaceTables? HuggingFace = null,
    LocationInfo? AttributeLocation = null)
{
    /// <summary>The chars of string literals this tokenizer adds to its assembly's string heap (its tables and spec).</summary>
    public long LiteralChars()
    {
        long chars = 0;
        if (Bpe is { } b) chars += b.Trie.Length + b.TokenBytes.Length + b.TokenOffsets.Length + (b.RankToId?.Length ?? 0) + b.Splits.Length + b.PreTokenizer.Length;
        if (Words is { } w) chars += w.Words.Length + w.WordOffsets.Length + w.Buckets.Length;
        if (HuggingFace is { } h)
        {
            chars += h.Spec.Length;
            foreach (var table in h.Tables) chars += table.Data.Length;
        }
        return chars;
    }
}

/// <summary>A compiled tokenizer.json: its tables, its pipeline spec and the header line saying which encoder it takes.</summary>
internal sealed record HuggingFaceTables(
    EquatableArray<Tokenizers.Compilation.NamedTable> Tables,
    string Spec,
    string Summary,
    int VocabularySize);
