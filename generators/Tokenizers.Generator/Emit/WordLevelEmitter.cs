using System.Globalization;
using System.Text;
using Tokenizers.Generator.Model;
using static Tokenizers.Generator.Emit.GeneratedSource;

namespace Tokenizers.Generator.Emit;

/// <summary>Emits a word-level tokenizer class: a file of members over Tokenizers.WordLevel.WordLevelModel and a file of tables.</summary>
internal static class WordLevelEmitter
{
    public static string EmitMembers(TokenizerModel model)
    {
        var t = model.Words!;
        var sb = new StringBuilder(Header);
        string kind = t.UnknownToken is null ? "unknown words throw" : "unknown words become " + t.UnknownToken;
        sb.Append($"// {model.ClassName}: word-level tokenizer compiled from {model.SourceDescription} by Tokenizers.Generator.\n");
        sb.Append($"// {t.WordCount.ToString("N0", CultureInfo.InvariantCulture)} words in a {t.BucketCount.ToString("N0", CultureInfo.InvariantCulture)}-slot hash table; {kind}.\n\n");
        OpenType(sb, model, Bases);
        sb.Append("    private static readonly global::Tokenizers.WordLevel.WordLevelModel s_model = new(\n");
        sb.Append("        WordListChars, WordListOffsets, WordListBuckets, unknownId: ").Append(t.UnknownId.ToString(CultureInfo.InvariantCulture)).Append(", pattern: ");
        if (t.Pattern is null) sb.Append("null"); else LiteralWriter.Write(sb, t.Pattern);
        sb.Append(");\n\n");
        Member.Write(sb, Members(model.ClassName));
        CloseType(sb);
        return sb.ToString();
    }

    public const string Bases = ": global::Tokenizers.ITokenizer, global::Tokenizers.WordLevel.IWordLevelModelOwner";

    /// <summary>The members over <c>s_model</c> (a Tokenizers.WordLevel.WordLevelModel).</summary>
    public static Member[] Members(string className) =>
    [
        Member.Constructor(className, "Creates the tokenizer. Its tables are constant data in this assembly: nothing is read or built."),
        // Token offsets ask the model for the unknown word's id.
        Member.Inherited("global::Tokenizers.WordLevel.WordLevelModel global::Tokenizers.WordLevel.IWordLevelModelOwner.Model", "s_model"),
        new("/// <summary>The id unknown words get, or null when encoding an unknown word throws <see cref=\"global::Tokenizers.WordLevel.UnknownWordException\"/>.</summary>",
            "public int? UnknownTokenId", "s_model.UnknownId"),
        new("/// <summary>The split pattern.</summary>", "public string Pattern", "s_model.Pattern"),
        new("/// <summary>The word of <paramref name=\"id\"/>.</summary>", "public string GetToken(int id)", "s_model.GetToken(id)"),
        new("/// <summary>The id of <paramref name=\"word\"/>, if it is in the vocabulary.</summary>",
            "public bool TryGetId(global::System.ReadOnlySpan<char> word, out int id)", "s_model.TryGetId(word, out id)"),
        Member.Inherited("public int VocabularySize", "s_model.VocabularySize"),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int> EncodeToIds(string text)", "s_model.EncodeToIds(text)"),
        new("/// <summary>Word lists have no special tokens: the policy changes nothing.</summary>",
            "public global::System.Collections.Generic.IReadOnlyList<int> EncodeToIds(string text, global::Tokenizers.SpecialTokenPolicy specialTokens)",
            "s_model.EncodeToIds(text, specialTokens)", Wrap: true),
        Member.Inherited("public global::System.Buffers.OperationStatus EncodeToIds(global::System.ReadOnlySpan<char> text, global::System.Span<int> destination,\n        out int charsConsumed, out int idsWritten, global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "s_model.EncodeToIds(text, destination, out charsConsumed, out idsWritten)", wrap: true),
        Member.Inherited("public int CountTokens(string text)", "s_model.CountTokens(text)"),
        Member.Inherited("public int CountTokens(global::System.ReadOnlySpan<char> text, global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "s_model.CountTokens(text)", wrap: true),
        new("/// <summary>The notebook's decode: words joined by spaces, without the space before punctuation.</summary>",
            "public string Decode(global::System.Collections.Generic.IEnumerable<int> ids)", "s_model.Decode(ids)"),
        Member.Inherited("public int DecodeToBytes(int id, global::System.Span<byte> destination)", "s_model.DecodeToBytes(id, destination)"),
    ];

    public static string EmitData(TokenizerModel model)
    {
        var t = model.Words!;
        var sb = new StringBuilder(t.Words.Length + t.WordOffsets.Length + t.Buckets.Length + 4096);
        sb.Append(Header);
        sb.Append("// Constant tables of ").Append(model.ClassName).Append(" (read by Tokenizers.WordLevel.WordLevelModel).\n\n");
        OpenType(sb, model, "");
        Table(sb, "Every word, back to back.", "WordListChars", t.Words);
        Table(sb, "Start of every word in WordListChars (int32, two little-endian bytes a char), plus the end.", "WordListOffsets", t.WordOffsets);
        Table(sb, "Hash buckets (int32): FNV-1a of the word, linear probing; a word id, or -1 where empty.", "WordListBuckets", t.Buckets);
        CloseType(sb);
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string comment, string name, string data)
    {
        sb.Append("    /// <summary>").Append(comment).Append("</summary>\n");
        sb.Append("    private const string ").Append(name).Append(" = ");
        LiteralWriter.Write(sb, data);
        sb.Append(";\n\n");
    }
}
