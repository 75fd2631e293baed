using System.Text.Json;
using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// A BPE model read with System.Text.Json (test code only, until the shared tokenizer.json reader lands): its
/// definition, vocab and merges as the table builder takes them.
/// </summary>
internal sealed record TestBpeFile(TokenizerDefinition Definition, List<VocabEntry> Vocab, List<MergeEntry> Merges)
{
    public static TestBpeFile Load(string path) => Parse(File.ReadAllText(path));

    public static TestBpeFile Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        JsonElement model = doc.RootElement.GetProperty("model");
        var vocab = new List<VocabEntry>();
        foreach (var p in model.GetProperty("vocab").EnumerateObject()) vocab.Add(new VocabEntry(p.Name, p.Value.GetInt32(), default));
        var merges = new List<MergeEntry>();
        foreach (var m in model.GetProperty("merges").EnumerateArray())
        {
            string left, right;
            if (m.ValueKind == JsonValueKind.String)
            {
                string s = m.GetString()!;
                int space = s.IndexOf(' ');
                left = s[..space];
                right = s[(space + 1)..];
            }
            else
            {
                left = m[0].GetString()!;
                right = m[1].GetString()!;
            }
            merges.Add(new MergeEntry(left, right, merges.Count, default));
        }
        var added = new List<AddedTokenDef>();
        if (doc.RootElement.TryGetProperty("added_tokens", out var addedTokens) && addedTokens.ValueKind == JsonValueKind.Array)
            foreach (var a in addedTokens.EnumerateArray())
                added.Add(new AddedTokenDef(a.GetProperty("id").GetInt32(), a.GetProperty("content").GetString()!,
                    Bool(a, "special"), Bool(a, "single_word"), Bool(a, "lstrip"), Bool(a, "rstrip"), Bool(a, "normalized")));
        var def = new BpeModelDef(Text(model, "unk_token"), Text(model, "continuing_subword_prefix"), Text(model, "end_of_word_suffix"),
            Bool(model, "fuse_unk"), Bool(model, "byte_fallback"), Bool(model, "ignore_merges"));
        return new TestBpeFile(new TokenizerDefinition(null, null, def, added.ToArray(), null, null), vocab, merges);
    }

    /// <summary>Builds the tables (asserting no errors) and the encoder over them.</summary>
    public (HfBpeTables Tables, BpePieceEncoder Encoder) Compile()
    {
        var errors = new List<CompileError>();
        HfBpeTables? tables = HfBpeTableBuilder.Build(Definition, Vocab, Merges, byteLevel: true, errors, CancellationToken.None);
        Assert.True(tables is not null, string.Join("\n", errors.Select(e => e.Code + " " + e.JsonPath + ": " + e.Message)));
        return (tables!, Encoder(tables!, Definition.Model));
    }

    public static BpePieceEncoder Encoder(HfBpeTables tables, BpeModelDef model) =>
        new(tables.Tables.Select(t => ConstantTable.FromString(t.Data)).ToArray(), model);

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
