using System.Globalization;
using System.Text;
using Tokenizers.Generator.Model;
using static Tokenizers.Generator.Emit.GeneratedSource;

namespace Tokenizers.Generator.Emit;

/// <summary>Emits a tokenizer class: a readable file of members and a file of constant tables.</summary>
internal static class TokenizerEmitter
{
    public static string EmitMembers(TokenizerModel model)
    {
        var t = model.Bpe!;
        var sb = new StringBuilder(Header);
        sb.Append($"// {model.ClassName}: byte-level BPE compiled from {model.SourceDescription} by Tokenizers.Generator.\n");
        sb.Append($"// {t.VocabularySize.ToString("N0", CultureInfo.InvariantCulture)} ids, {t.MergeableCount.ToString("N0", CultureInfo.InvariantCulture)} mergeable tokens, {t.SpecialTokens.Count} special, a {t.TrieSlots.ToString("N0", CultureInfo.InvariantCulture)}-slot double-array trie.\n");
        // Where merges follow the token order (GPT-2's) the linear backtracking encoder is exact and the header says no more.
        if (t.MergeRuleSummary is not null) sb.Append("// Hugging Face's merge rule: ").Append(t.MergeRuleSummary).Append(".\n");
        sb.Append('\n');
        OpenType(sb, model, Bases);
        sb.Append("    private static readonly global::Tokenizers.Bpe.BytePairModel s_model = new(\n");
        // Each table is read in place from the assembly's string heap, found by the key its literal starts with.
        sb.Append("        ").Append(Find(model, "Trie", t.Trie)).Append(",\n");
        sb.Append("        ").Append(Find(model, "TokenBytes", t.TokenBytes)).Append(",\n");
        sb.Append("        ").Append(Find(model, "TokenOffsets", t.TokenOffsets)).Append(",\n");
        sb.Append("        ").Append(t.RankToId is null ? "default" : Find(model, "RankToId", t.RankToId)).Append(",\n");
        sb.Append($"        global::Tokenizers.PreTokenization.{t.PreTokenizer}.Instance,\n");
        sb.Append("        new global::Tokenizers.Bpe.SpecialToken[]\n        {\n");
        foreach (var s in t.SpecialTokens)
            sb.Append("            new(").Append(CSharpString(s.Text)).Append(", ").Append(s.Id.ToString(CultureInfo.InvariantCulture)).Append("),\n");
        sb.Append("        },\n        ").Append(Find(model, "Splits", t.Splits));
        if (t.MergeRuleSummary is not null) sb.Append(",\n        huggingFaceMergeRule: true");
        else if (t.CrossFloors.Length > 0) sb.Append(",\n        ").Append(Find(model, "CrossFloors", t.CrossFloors));
        sb.Append(");\n\n");
        Member.Write(sb, Members(model.ClassName, "global::Tokenizers.PreTokenization." + t.PreTokenizer + ".Instance"));
        CloseType(sb);
        return sb.ToString();
    }

    public const string Bases = ": global::Tokenizers.IStreamableTokenizer";

    /// <summary>The members over <c>s_model</c> (a Tokenizers.Bpe.BytePairModel).</summary>
    public static Member[] Members(string className, string preTokenizer) =>
    [
        Member.Constructor(className, "Creates the tokenizer. Its tables are constant data in this assembly: nothing is read or decompressed."),
        new("/// <summary>The special tokens, which ordinary text never produces.</summary>",
            "public global::System.Collections.Generic.IReadOnlyList<global::Tokenizers.Bpe.SpecialToken> SpecialTokens", "s_model.SpecialTokens"),
        new("/// <summary>The pre-tokenizer that splits text into the pieces BPE encodes independently.</summary>",
            "public global::Tokenizers.PreTokenization.PreTokenizer PreTokenizer", preTokenizer),
        Member.Inherited("public int VocabularySize", "s_model.VocabularySize"),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int> EncodeToIds(string text)",
            "s_model.EncodeToIds(text, global::Tokenizers.SpecialTokenPolicy.None)", wrap: true),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int> EncodeToIds(string text, global::Tokenizers.SpecialTokenPolicy specialTokens)",
            "s_model.EncodeToIds(text, specialTokens)", wrap: true),
        Member.Inherited("public global::System.Buffers.OperationStatus EncodeToIds(global::System.ReadOnlySpan<char> text, global::System.Span<int> destination,\n        out int charsConsumed, out int idsWritten, global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "s_model.EncodeToIds(text, destination, out charsConsumed, out idsWritten, specialTokens ?? global::Tokenizers.SpecialTokenPolicy.None)", wrap: true),
        Member.Inherited("public global::System.Collections.Generic.IReadOnlyList<int>[] EncodeBatch(global::System.Collections.Generic.IReadOnlyList<string> texts,\n        global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "global::Tokenizers.TokenizerBatch.Encode(this, texts, specialTokens)", wrap: true),
        Member.Inherited("public int CountTokens(string text)", "s_model.CountTokens(text, global::Tokenizers.SpecialTokenPolicy.None)"),
        Member.Inherited("public int CountTokens(global::System.ReadOnlySpan<char> text, global::Tokenizers.SpecialTokenPolicy? specialTokens = null)",
            "s_model.CountTokens(text, specialTokens ?? global::Tokenizers.SpecialTokenPolicy.None)", wrap: true),
        Member.Inherited("public string Decode(global::System.Collections.Generic.IEnumerable<int> ids)", "s_model.Decode(ids)"),
        Member.Inherited("public int DecodeToBytes(int id, global::System.Span<byte> destination)", "s_model.DecodeToBytes(id, destination)"),
        Member.Inherited("public bool TryGetId(global::System.ReadOnlySpan<char> token, out int id)", "s_model.TryGetId(token, out id)"),
    ];

    public static string EmitData(TokenizerModel model)
    {
        var t = model.Bpe!;
        var sb = new StringBuilder(t.Trie.Length + t.TokenBytes.Length + t.TokenOffsets.Length + t.Splits.Length + t.CrossFloors.Length + 4096);
        sb.Append(Header);
        sb.Append("// Constant tables of ").Append(model.ClassName).Append(", two little-endian bytes a char (read by Tokenizers.Data.PackedData).\n\n");
        OpenType(sb, model, "");
        sb.Append("    // Each literal starts with its key (name, length, content hash) between U+FDD0 and U+FDD1; Tokenizers.Data.ConstantTable finds it by that.\n\n");
        Table(sb, model, "Double-array trie, two uint32 a slot: the unit (label | used << 8 | base << 9) and the rank of the token ending there (-1 if none); slot 0 is the root.", "Trie", t.Trie);
        Table(sb, model, "Bytes of every id, back to back.", "TokenBytes", t.TokenBytes);
        Table(sb, model, "Offset of every id's bytes (uint32), plus the end; an unused id has none.", "TokenOffsets", t.TokenOffsets);
        if (t.RankToId is not null) Table(sb, model, "Id of every rank (int32).", "RankToId", t.RankToId);
        Table(sb, model, t.MergeRuleSummary is null
            ? "Byte length of the left half of every rank's last merge, 0 if none (one char each; for the backtracking encoder)."
            : "Byte length of the left half of the merge that builds every rank's token under Hugging Face's rule, 0 if none (one char each).", "Splits", t.Splits);
        if (t.CrossFloors.Length > 0)
            Table(sb, model, $"Per byte pair x * 256 + y, the lowest rank of a token whose last merge splits it between x and y, {Tokenizers.Compilation.CrossFloorTable.Cap} at most (the floors of the backtracking encoder's boundary checks).", "CrossFloors", t.CrossFloors);
        CloseType(sb);
        return sb.ToString();
    }

    internal static void Table(StringBuilder sb, TokenizerModel model, string comment, string name, string data)
    {
        sb.Append("    // ").Append(comment).Append('\n');
        // A property, not a const: a const would store the data twice (constant table and string heap).
        sb.Append("    private static string ").Append(name).Append(" => ");
        LiteralWriter.Write(sb, "\uFDD0" + TableKey(name, data) + "\uFDD1" + data);
        sb.Append(";\n\n");
    }

    /// <summary>
    /// The key a table's literal starts with: its name, length and a 64-bit FNV-1a hash of its content. Equal tables
    /// (gpt2 and r50k_base share their vocabulary) get equal literals, which the compiler stores once.
    /// </summary>
    internal static string TableKey(string name, string data)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in data)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return name + ":" + data.Length.ToString(CultureInfo.InvariantCulture) + ":" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    internal static string Find(TokenizerModel model, string name, string data)
        => "global::Tokenizers.Data.ConstantTable.Find(typeof(" + model.ClassName + ").Assembly, " + CSharpString(TableKey(name, data)) + ", static () => " + name + ")";

    internal static string CSharpString(string s)
    {
        var sb = new StringBuilder();
        LiteralWriter.Write(sb, s);
        return sb.ToString();
    }
}
