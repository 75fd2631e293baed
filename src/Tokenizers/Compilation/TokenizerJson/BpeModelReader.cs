using System.Collections.Generic;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Compilation;

/// <summary>
/// Reads <c>model</c>: the BPE options, and (unless reading a spec) <c>vocab</c> and <c>merges</c>, which are
/// hundreds of thousands of entries: their loops build no path strings unless an entry is in error.
/// </summary>
internal static class BpeModelReader
{
    public static BpeModelDef? ReadOptions(JsonFields fields)
    {
        var errors = fields.Errors;
        if (fields.TryGet("type", out var type))
        {
            if (type.Kind != JsonKind.String)
            {
                fields.WrongKind(type, "type", "a string");
                return null;
            }
            if (!type.ValueEquals("BPE"))
            {
                fields.Unsupported(type, fields.Path, "model type '" + TextDisplay.Show(type.GetString()) + "' is not supported: only BPE models are");
                return null;
            }
        }
        else if (!fields.TryGet("merges", out _))
        {
            // Hugging Face then tries each model in turn; only BPE has merges.
            errors.Add(CompileErrorCodes.UnsupportedComponent, "a model without 'type' and without 'merges' is not a BPE model: only BPE models are supported", fields.Path, fields.Object.Where);
            return null;
        }
        if (fields.TryGet("dropout", out var dropout) && dropout.Kind != JsonKind.Null)
            fields.Unsupported(dropout, fields.PathOf("dropout"), "dropout " + dropout.Describe() + " is not supported: dropout is a training feature (set it to null)");
        var options = new BpeModelDef(
            fields.OptionalString("unk_token"),
            NullIfEmpty(fields.OptionalString("continuing_subword_prefix")),
            NullIfEmpty(fields.OptionalString("end_of_word_suffix")),
            fields.Bool("fuse_unk", absent: false),
            fields.Bool("byte_fallback", absent: false),
            fields.Bool("ignore_merges", absent: false));
        return options;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary><c>model.vocab</c>: token → id. A token twice is TOK004, an id twice TOK005.</summary>
    public static List<VocabEntry> ReadVocab(JsonFields model)
    {
        var entries = new List<VocabEntry>();
        if (!model.Required("vocab", out var vocab)) return entries;
        if (vocab.Kind != JsonKind.Object)
        {
            model.WrongKind(vocab, "vocab", "an object of token: id");
            return entries;
        }
        entries.Capacity = vocab.Count;
        var tokens = new Dictionary<string, int>(vocab.Count);
        var ids = new Dictionary<int, int>(vocab.Count);
        foreach (var member in vocab.EnumerateObject())
        {
            string token = member.Name.GetString();
            var id = member.Value;
            if (!id.TryGetInt64(out long n) || n < 0 || n > int.MaxValue)
            {
                model.Malformed(id, JsonPath.Key(model.PathOf("vocab"), token), "expected a non-negative integer id below 2^31, found " + id.Describe());
                continue;
            }
            var where = member.Name.Where;
            if (tokens.TryGetValue(token, out int first))
            {
                model.Errors.Add(CompileErrorCodes.DuplicateToken, "token \"" + TextDisplay.Show(token) + "\" is in the vocabulary twice (first at " + entries[first].Where.Display + ")",
                    JsonPath.Key(model.PathOf("vocab"), token), where, member.Name.Length);
                continue;
            }
            if (ids.TryGetValue((int)n, out int other))
            {
                model.Errors.Add(CompileErrorCodes.DuplicateId, "id " + n + " is given to \"" + TextDisplay.Show(token) + "\" and to \"" + TextDisplay.Show(entries[other].Token) + "\" (at " + entries[other].Where.Display + ")",
                    JsonPath.Key(model.PathOf("vocab"), token), id.Where, id.Length);
                continue;
            }
            tokens.Add(token, entries.Count);
            ids.Add((int)n, entries.Count);
            entries.Add(new VocabEntry(token, (int)n, where));
        }
        return entries;
    }

    /// <summary>
    /// <c>model.merges</c>: all <c>"a b"</c> strings (split on their one space, as Hugging Face does; one starting
    /// with "#version" is skipped, as merges.txt's header) or all <c>["a", "b"]</c> pairs.
    /// </summary>
    public static List<MergeEntry> ReadMerges(JsonFields model)
    {
        var entries = new List<MergeEntry>();
        if (!model.RequiredArray("merges", out var merges)) return entries;
        entries.Capacity = merges.Count;
        string text = merges.Document.Text;
        JsonKind form = JsonKind.Null;
        int index = -1;
        foreach (var merge in merges.EnumerateArray())
        {
            index++;
            string? left = null, right = null;
            if (merge.Kind == JsonKind.String)
            {
                if (merge.HasEscapes)
                {
                    string whole = merge.GetString();
                    if (whole.StartsWith("#version", System.StringComparison.Ordinal)) continue;
                    int space = whole.IndexOf(' ');
                    if (space >= 0 && whole.IndexOf(' ', space + 1) < 0)
                    {
                        left = whole.Substring(0, space);
                        right = whole.Substring(space + 1);
                    }
                }
                else
                {
                    int start = merge.Offset + 1, end = merge.Offset + merge.Length - 1;
                    if (string.CompareOrdinal(text, start, "#version", 0, 8) == 0 && end - start >= 8) continue;
                    int space = text.IndexOf(' ', start, end - start);
                    if (space >= 0 && text.IndexOf(' ', space + 1, end - space - 1) < 0)
                    {
                        left = text.Substring(start, space - start);
                        right = text.Substring(space + 1, end - space - 1);
                    }
                }
                if (left is null)
                {
                    model.Malformed(merge, JsonPath.Index(model.PathOf("merges"), index), "expected two tokens separated by one space, found " + merge.Describe());
                    continue;
                }
            }
            else if (merge.Kind == JsonKind.Array && merge.Count == 2)
            {
                var e = merge.EnumerateArray();
                e.MoveNext();
                var a = e.Current;
                e.MoveNext();
                var b = e.Current;
                if (a.Kind == JsonKind.String && b.Kind == JsonKind.String)
                {
                    left = a.GetString();
                    right = b.GetString();
                }
            }
            if (left is null || right is null)
            {
                model.Malformed(merge, JsonPath.Index(model.PathOf("merges"), index), "expected a merge \"a b\" or [\"a\", \"b\"], found " + merge.Describe());
                continue;
            }
            if (form == JsonKind.Null) form = merge.Kind;
            else if (form != merge.Kind)
            {
                model.Malformed(merge, JsonPath.Index(model.PathOf("merges"), index), "merges mix the \"a b\" and [\"a\", \"b\"] forms: use one");
                continue;
            }
            entries.Add(new MergeEntry(left, right, index, merge.Where));
        }
        return entries;
    }
}
