using System.Globalization;
using System.Text;
using Tokenizers.Generator.Model;
using static Tokenizers.Generator.Emit.GeneratedSource;

namespace Tokenizers.Generator.Emit;

/// <summary>
/// Emits a tokenizer compiled from a Hugging Face tokenizer.json: a file of members that run
/// Tokenizers.HuggingFace.HuggingFaceModel over the tables, and a file of constant tables.
/// </summary>
internal static class HuggingFaceEmitter
{
    public static string EmitMembers(TokenizerModel model)
    {
        var t = model.HuggingFace!;
        var sb = new StringBuilder(Header);
        sb.Append($"// {model.ClassName}: Hugging Face tokenizer.json compiled from {model.SourceDescription} by Tokenizers.Generator.\n");
        sb.Append($"// {t.VocabularySize.ToString("N0", CultureInfo.InvariantCulture)} ids; {t.Summary}.\n\n");
        OpenType(sb, model, Bases);
        sb.Append("    // The pipeline (normalizer, pre-tokenizer, model options, added tokens, post-processor, decoder) as tokenizer.json\n");
        sb.Append("    // writes it, without the vocabulary and merges, which are the tables below.\n");
        sb.Append("    private const string Spec = ");
        LiteralWriter.WriteReadable(sb, t.Spec);
        sb.Append(";\n\n");
        sb.Append("    private static readonly global::Tokenizers.HuggingFace.HuggingFaceModel s_model = new(\n");
        sb.Append("        new global::Tokenizers.Data.ConstantTable[]\n        {\n");
        // Each table is read in place from the assembly's string heap, found by the key its literal starts with.
        foreach (var table in t.Tables)
            sb.Append("            ").Append(TokenizerEmitter.Find(model, table.Name, table.Data)).Append(",\n");
        sb.Append("        },\n        Spec);\n\n");
        Member.Write(sb, Members(model.ClassName));
        CloseType(sb);
        return sb.ToString();
    }

    public const string Bases = ": global::Tokenizers.ITokenizer, global::Tokenizers.HuggingFace.IHuggingFaceModelOwner";

    // Tokenizers.HuggingFace.HuggingFaceModel is another team's: the generated members check their arguments themselves.
    private const string Text = "text ?? throw new global::System.ArgumentNullException(nameof(text))";
    private const string Policy = "specialTokens ?? throw new global::System.ArgumentNullException(nameof(specialTokens))";

    /// <summary>The members over <c>s_model</c> (a Tokenizers.HuggingFace.HuggingFaceModel).</summary>
    public static Member[] Members(string className) =>
    [
        Member.Constructor(className, "Creates the tokenizer. Its tables are constant data in this assembly: nothing is read or decompressed."),
        new("/// <summary>The special added tokens, which ordinary text produces only when a <see cref=\"global::Tokenizers.SpecialTokenPolicy\"/> allows them.</summary>",
            "public global::System.Collections.Generic.IReadOnlyList<global::Tokenizers.Bpe.SpecialToken> SpecialTokens", "s_model.SpecialTokens"),
        // The streaming decoder runs a SentencePiece-style model's decoder chain through this.
        Member.Inherited("global::Tokenizers.HuggingFace.HuggingFaceModel global::Tokenizers.HuggingFace.IHuggingFaceModelOwner.Model", "s_model"),
        Member.Inherited("public int VocabularySize", "s_model.VocabularySize"),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int> EncodeToIds(string text)",
            $"s_model.EncodeToIds({Text}, global::Tokenizers.SpecialTokenPolicy.None)", wrap: true),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int> EncodeToIds(string text, global::Tokenizers.SpecialTokenPolicy specialTokens)",
            $"s_model.EncodeToIds({Text}, {Policy})", wrap: true),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int> EncodeToIds(string text, global::Tokenizers.SpecialTokenPolicy specialTokens, bool addSpecialTokens)",
            $"s_model.EncodeToIds({Text}, {Policy}, addSpecialTokens)", wrap: true),
        Member.Inherited("public global::System.Buffers.OperationStatus EncodeToIds(global::System.ReadOnlySpan<char> text, global::System.Span<int> destination,\n        out int charsConsumed, out int idsWritten, global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "s_model.EncodeToIds(text, destination, out charsConsumed, out idsWritten, specialTokens ?? global::Tokenizers.SpecialTokenPolicy.None)", wrap: true),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int>[] EncodeBatch(global::System.Collections.Generic.IReadOnlyList<string> texts,\n        global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "global::Tokenizers.TokenizerBatch.Encode(this, texts, specialTokens)", wrap: true),
        Member.Inherited("public int CountTokens(string text)", $"s_model.CountTokens({Text}, global::Tokenizers.SpecialTokenPolicy.None)"),
        Member.Inherited("public int CountTokens(global::System.ReadOnlySpan<char> text, global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "s_model.CountTokens(text, specialTokens ?? global::Tokenizers.SpecialTokenPolicy.None)", wrap: true),
        Member.Inherited("public string Decode(global::System.Collections.Generic.IEnumerable<int> ids)",
            "s_model.Decode(ids ?? throw new global::System.ArgumentNullException(nameof(ids)))"),
        Member.Inherited("public int DecodeToBytes(int id, global::System.Span<byte> destination)", "s_model.DecodeToBytes(id, destination)"),
    ];

    public static string EmitData(TokenizerModel model)
    {
        var t = model.HuggingFace!;
        int size = 4096;
        foreach (var table in t.Tables) size += table.Data.Length + 256;
        var sb = new StringBuilder(size);
        sb.Append(Header);
        sb.Append("// Constant tables of ").Append(model.ClassName).Append(", two little-endian bytes a char (read by Tokenizers.Data.PackedData).\n\n");
        OpenType(sb, model, "");
        sb.Append("    // Each literal starts with its key (name, length, content hash) between U+FDD0 and U+FDD1; Tokenizers.Data.ConstantTable finds it by that.\n\n");
        foreach (var table in t.Tables) TokenizerEmitter.Table(sb, model, table.Comment, table.Name, table.Data);
        CloseType(sb);
        return sb.ToString();
    }
}
