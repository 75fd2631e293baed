using System;
using System.Collections.Generic;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Compilation;

/// <summary>
/// Reads a Hugging Face tokenizer.json (as tokenizers 0.22 does) into a <see cref="TokenizerDefinition"/>, its
/// vocabulary and its merges. Everything the engine does not run exactly is a located error, never ignored:
/// TOK003 invalid JSON, TOK020 an unsupported component or option, TOK021 a value of the wrong shape,
/// TOK004/TOK005 a token or id twice.
/// </summary>
internal static class TokenizerJsonReader
{
    private static readonly IReadOnlyList<VocabEntry> NoVocab = new VocabEntry[0];
    private static readonly IReadOnlyList<MergeEntry> NoMerges = new MergeEntry[0];

    public static TokenizerJsonFile Read(string text)
    {
        var document = JsonDocument.Parse(text, out var syntaxError);
        if (document is null) return new TokenizerJsonFile(null, NoVocab, NoMerges, new[] { syntaxError! });
        var errors = new CompileErrorList();
        var definition = ReadDefinition(document.Root, errors, out var model);
        IReadOnlyList<VocabEntry> vocab = NoVocab;
        IReadOnlyList<MergeEntry> merges = NoMerges;
        if (model is { } fields)
        {
            vocab = BpeModelReader.ReadVocab(fields);
            merges = BpeModelReader.ReadMerges(fields);
        }
        return errors.Any
            ? new TokenizerJsonFile(null, vocab, merges, errors.ToList())
            : new TokenizerJsonFile(definition, vocab, merges, Array.Empty<CompileError>());
    }

    /// <summary>
    /// Reads a spec written by <see cref="TokenizerSpecWriter.Write"/> (a tokenizer.json without vocab and merges):
    /// how the generated code and the run-time loader get their pipeline. A bad spec throws <see cref="FormatException"/>
    /// with the first error.
    /// </summary>
    public static TokenizerDefinition ReadSpec(string spec)
    {
        var document = JsonDocument.Parse(spec, out var syntaxError);
        if (document is null) throw new FormatException(syntaxError!.Format("tokenizer spec"));
        var errors = new CompileErrorList();
        var definition = ReadDefinition(document.Root, errors, out _);
        if (errors.Any || definition is null) throw new FormatException(errors.ToList()[0].Format("tokenizer spec"));
        return definition;
    }

    /// <summary>Everything but vocab and merges; <paramref name="model"/> is the model's fields when it is a BPE model.</summary>
    private static TokenizerDefinition? ReadDefinition(JsonValue root, CompileErrorList errors, out JsonFields? model)
    {
        model = null;
        if (!JsonFields.IsObject(root, "", errors, "a tokenizer")) return null;
        var top = new JsonFields(root, "", errors);
        if (top.TryGet("version", out var version) && !version.ValueEquals("1.0"))
            top.Unsupported(version, "version", "tokenizer.json version " + version.Describe() + " is not supported: Hugging Face reads version \"1.0\"");
        NotSet(top, "truncation", "truncation is a batch option of the Python API");
        NotSet(top, "padding", "padding is a batch option of the Python API");
        var normalizer = Component(top, "normalizer", ComponentReader.ReadNormalizer);
        var preTokenizer = Component(top, "pre_tokenizer", ComponentReader.ReadPreTokenizer);
        var postProcessor = Component(top, "post_processor", PostProcessorReader.Read);
        var decoder = Component(top, "decoder", ComponentReader.ReadDecoder);
        var addedTokens = ReadAddedTokens(top);
        BpeModelDef? options = null;
        if (top.Required("model", out var modelValue) && JsonFields.IsObject(modelValue, "model", errors, "a model"))
        {
            var fields = new JsonFields(modelValue, "model", errors);
            options = BpeModelReader.ReadOptions(fields);
            if (options is not null) model = fields;
        }
        return options is null || addedTokens is null
            ? null
            : new TokenizerDefinition(normalizer, preTokenizer, options, addedTokens, postProcessor, decoder);
    }

    private static void NotSet(JsonFields top, string name, string why)
    {
        if (top.TryGet(name, out var value) && value.Kind != JsonKind.Null)
            top.Unsupported(value, name, name + " is not supported (" + why + "): set it to null");
    }

    private static T? Component<T>(JsonFields top, string name, Func<JsonValue, string, CompileErrorList, T?> read) where T : class
        => top.TryGet(name, out var value) && value.Kind != JsonKind.Null ? read(value, name, top.Errors) : null;

    /// <summary><c>added_tokens</c>: id and content required; the flags default to false (<c>normalized</c> to <c>!special</c>, as <c>AddedToken::from</c>).</summary>
    private static AddedTokenDef[]? ReadAddedTokens(JsonFields top)
    {
        if (!top.TryGet("added_tokens", out var array)) return Array.Empty<AddedTokenDef>();
        if (array.Kind != JsonKind.Array)
        {
            top.WrongKind(array, "added_tokens", "an array");
            return null;
        }
        var tokens = new AddedTokenDef[array.Count];
        bool failed = false;
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            string path = JsonPath.Index("added_tokens", index);
            if (!JsonFields.IsObject(item, path, top.Errors, "an added token"))
            {
                failed = true;
                index++;
                continue;
            }
            var fields = new JsonFields(item, path, top.Errors);
            int? id = fields.RequiredCount("id");
            string? content = fields.RequiredString("content");
            bool special = fields.Bool("special", absent: false);
            var token = new AddedTokenDef(id ?? 0, content ?? "", special,
                fields.Bool("single_word", absent: false), fields.Bool("lstrip", absent: false), fields.Bool("rstrip", absent: false),
                fields.Bool("normalized", absent: !special));
            if (id is null || content is null) failed = true;
            tokens[index++] = token;
        }
        return failed ? null : tokens;
    }
}
