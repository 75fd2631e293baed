using System.Collections.Generic;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Compilation;

/// <summary>
/// Reads <c>post_processor</c>: <c>ByteLevel</c> (offsets only), <c>TemplateProcessing</c> (the ids its
/// <c>single</c> template adds) and <c>Sequence</c>. Others (<c>BertProcessing</c>, <c>RobertaProcessing</c>, …) are TOK020.
/// </summary>
internal static class PostProcessorReader
{
    public static PostProcessorDef? Read(JsonValue value, string path, CompileErrorList errors)
    {
        string? type = ComponentReader.TypeOf(value, path, errors, "post-processor", out var fields);
        if (type is null) return null;
        switch (type)
        {
            case "ByteLevel": return new ByteLevelPostProcessorDef();
            case "TemplateProcessing": return ReadTemplate(fields);
            case "Sequence":
                var items = ComponentReader.ReadItems(fields, "processors", Read);
                return items is null ? null : new SequencePostProcessorDef(items);
            default: return ComponentReader.NotSupported<PostProcessorDef>(fields, "post-processor", type);
        }
    }

    /// <summary>
    /// <c>single</c> is a list of pieces <c>{"SpecialToken": {"id": name, "type_id": n}}</c> (resolved through
    /// <c>special_tokens[name].ids</c>) and <c>{"Sequence": {"id": "A", "type_id": n}}</c>. The <c>pair</c> template
    /// is not used by single-text encoding, but its special tokens must exist, as Hugging Face checks.
    /// </summary>
    private static TemplateProcessingDef? ReadTemplate(JsonFields fields)
    {
        var specials = ReadSpecialTokens(fields);
        if (!fields.RequiredArray("single", out var single)) return null;
        var pieces = ReadPieces(fields, single, fields.PathOf("single"), specials, isSingle: true);
        if (fields.TryGet("pair", out var pair))
        {
            if (pair.Kind == JsonKind.Array) ReadPieces(fields, pair, fields.PathOf("pair"), specials, isSingle: false);
            else fields.WrongKind(pair, "pair", "an array");
        }
        return pieces is null || specials is null ? null : new TemplateProcessingDef(pieces.ToArray());
    }

    /// <summary><c>special_tokens</c>: name → <c>{"id": name, "ids": [...], "tokens": [...]}</c>.</summary>
    private static Dictionary<string, int[]>? ReadSpecialTokens(JsonFields fields)
    {
        if (!fields.Required("special_tokens", out var value)) return null;
        string path = fields.PathOf("special_tokens");
        if (!JsonFields.IsObject(value, path, fields.Errors, "special tokens")) return null;
        var specials = new Dictionary<string, int[]>();
        bool failed = false;
        foreach (var member in value.EnumerateObject())
        {
            string name = member.Name.GetString();
            var token = new JsonFields(member.Value, JsonPath.Key(path, name), fields.Errors);
            if (!JsonFields.IsObject(member.Value, token.Path, fields.Errors, "a special token") || !token.RequiredArray("ids", out var ids))
            {
                failed = true;
                continue;
            }
            var list = new int[ids.Count];
            int i = 0;
            foreach (var id in ids.EnumerateArray())
            {
                int? n = token.AsCount(id, JsonPath.Index(token.PathOf("ids"), i));
                if (n is null) failed = true;
                else list[i] = n.Value;
                i++;
            }
            if (token.RequiredArray("tokens", out var tokens) && tokens.Count != ids.Count)
            {
                token.Malformed(tokens, token.PathOf("tokens"), "special token '" + TextDisplay.Show(name) + "' has " + ids.Count + " ids but " + tokens.Count + " tokens");
                failed = true;
            }
            specials[name] = list;
        }
        return failed ? null : specials;
    }

    private static List<int[]?>? ReadPieces(JsonFields fields, JsonValue template, string path, Dictionary<string, int[]>? specials, bool isSingle)
    {
        var pieces = new List<int[]?>(template.Count);
        bool failed = false;
        int index = 0;
        foreach (var piece in template.EnumerateArray())
        {
            string piecePath = JsonPath.Index(path, index++);
            JsonMember tagged = default;
            bool special = false, sequence = false;
            if (piece.Kind == JsonKind.Object && piece.Count == 1)
                foreach (var member in piece.EnumerateObject())
                {
                    tagged = member;
                    special = member.Name.ValueEquals("SpecialToken");
                    sequence = member.Name.ValueEquals("Sequence");
                }
            if (!special && !sequence)
            {
                fields.Malformed(piece, piecePath, "expected a template piece {\"SpecialToken\": {...}} or {\"Sequence\": {...}}, found " + piece.Describe());
                failed = true;
                continue;
            }
            var body = new JsonFields(tagged.Value, JsonPath.Member(piecePath, special ? "SpecialToken" : "Sequence"), fields.Errors);
            if (!JsonFields.IsObject(tagged.Value, body.Path, fields.Errors, "a template piece")) { failed = true; continue; }
            string? id = body.RequiredString("id");
            if (body.RequiredCount("type_id") is null || id is null) { failed = true; continue; }
            if (special)
            {
                if (specials is not null && specials.TryGetValue(id, out var ids)) pieces.Add(ids);
                else
                {
                    body.TryGet("id", out var at);
                    if (specials is not null) body.Malformed(at, body.PathOf("id"), "special token '" + TextDisplay.Show(id) + "' is not in special_tokens");
                    failed = true;
                }
            }
            else if (id == "A" || (id == "B" && !isSingle)) pieces.Add(null);
            else
            {
                body.TryGet("id", out var at);
                if (id == "B") body.Unsupported(at, body.PathOf("id"), "a single-sequence template that uses sequence B is not supported");
                else body.Malformed(at, body.PathOf("id"), "expected sequence \"A\" or \"B\", found " + at.Describe());
                failed = true;
            }
        }
        return failed ? null : pieces;
    }
}
