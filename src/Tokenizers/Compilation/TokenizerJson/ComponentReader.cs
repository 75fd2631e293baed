using System;
using System.Collections.Generic;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Compilation;

/// <summary>
/// Reads the typed components of tokenizer.json: normalizer, pre-tokenizer and decoder (post-processors:
/// <see cref="PostProcessorReader"/>). A type the engine does not run is TOK020 naming it and its path; a component
/// with an error reads as null, and the errors say why.
/// </summary>
internal static class ComponentReader
{
    public static NormalizerDef? ReadNormalizer(JsonValue value, string path, CompileErrorList errors)
    {
        string? type = TypeOf(value, path, errors, "normalizer", out var fields);
        if (type is null) return null;
        switch (type)
        {
            case "NFC" or "NFD" or "NFKC" or "NFKD": return new UnicodeNormalizerDef(type);
            case "Lowercase": return new LowercaseNormalizerDef();
            case "Prepend":
                string? prepend = fields.RequiredString("prepend");
                return prepend is null ? null : new PrependNormalizerDef(prepend);
            case "Replace":
                var pattern = fields.RequiredPattern("pattern");
                string? content = fields.RequiredString("content");
                return pattern is null || content is null ? null : new ReplaceNormalizerDef(pattern, content);
            case "Sequence":
                var items = ReadItems(fields, "normalizers", ReadNormalizer);
                return items is null ? null : new SequenceNormalizerDef(items);
            default: return NotSupported<NormalizerDef>(fields, "normalizer", type);
        }
    }

    public static PreTokenizerDef? ReadPreTokenizer(JsonValue value, string path, CompileErrorList errors)
    {
        string? type = TypeOf(value, path, errors, "pre-tokenizer", out var fields);
        if (type is null) return null;
        switch (type)
        {
            case "Split":
                var pattern = fields.RequiredPattern("pattern");
                var behavior = Behavior(fields, required: true);
                bool? invert = fields.RequiredBool("invert");
                return pattern is null || behavior is null || invert is null ? null : new SplitDef(pattern, behavior.Value, invert.Value);
            case "ByteLevel":
                // trim_offsets only moves offsets; Hugging Face requires it all the same.
                bool? addPrefixSpace = fields.RequiredBool("add_prefix_space");
                bool? trimOffsets = fields.RequiredBool("trim_offsets");
                bool useRegex = fields.Bool("use_regex", absent: true);
                return addPrefixSpace is null || trimOffsets is null ? null : new ByteLevelDef(addPrefixSpace.Value, useRegex);
            case "Digits":
                return new DigitsDef(fields.Bool("individual_digits", absent: false));
            case "Punctuation":
                var punctuation = Behavior(fields, required: false);
                return punctuation is null ? null : new PunctuationDef(punctuation.Value);
            case "Metaspace":
                var metaspace = ReadMetaspace(fields);
                return metaspace is null ? null : new MetaspaceDef(metaspace.Value.Replacement, metaspace.Value.PrependScheme, metaspace.Value.Split);
            case "Sequence":
                var items = ReadItems(fields, "pretokenizers", ReadPreTokenizer);
                return items is null ? null : new SequencePreTokenizerDef(items);
            default: return NotSupported<PreTokenizerDef>(fields, "pre-tokenizer", type);
        }
    }

    public static DecoderDef? ReadDecoder(JsonValue value, string path, CompileErrorList errors)
    {
        string? type = TypeOf(value, path, errors, "decoder", out var fields);
        if (type is null) return null;
        switch (type)
        {
            case "ByteLevel": return new ByteLevelDecoderDef(); // its options only concern the pre-tokenizer and offsets
            case "ByteFallback": return new ByteFallbackDecoderDef();
            case "Fuse": return new FuseDecoderDef();
            case "Replace":
                var pattern = fields.RequiredPattern("pattern");
                string? content = fields.RequiredString("content");
                return pattern is null || content is null ? null : new ReplaceDecoderDef(pattern, content);
            case "Strip":
                string? strip = fields.RequiredChar("content");
                int? start = fields.RequiredCount("start");
                int? stop = fields.RequiredCount("stop");
                return strip is null || start is null || stop is null ? null : new StripDecoderDef(strip, start.Value, stop.Value);
            case "Metaspace":
                var metaspace = ReadMetaspace(fields);
                return metaspace is null ? null : new MetaspaceDecoderDef(metaspace.Value.Replacement, metaspace.Value.PrependScheme, metaspace.Value.Split);
            case "Sequence":
                var items = ReadItems(fields, "decoders", ReadDecoder);
                return items is null ? null : new SequenceDecoderDef(items);
            default: return NotSupported<DecoderDef>(fields, "decoder", type);
        }
    }

    /// <summary>
    /// A component's object and its <c>type</c>. Hugging Face reads every component of tokenizer.json by its
    /// <c>type</c> tag, so a missing one is malformed.
    /// </summary>
    internal static string? TypeOf(JsonValue value, string path, CompileErrorList errors, string what, out JsonFields fields)
    {
        fields = new JsonFields(value, path, errors);
        return JsonFields.IsObject(value, path, errors, "a " + what) ? fields.RequiredString("type") : null;
    }

    internal static T? NotSupported<T>(JsonFields fields, string what, string type) where T : class
    {
        fields.TryGet("type", out var at);
        fields.Unsupported(at, fields.Path, what + " type '" + TextDisplay.Show(type) + "' is not supported");
        return null;
    }

    /// <summary>The items of a <c>Sequence</c>; null if any is in error (all are read, to report every error).</summary>
    internal static T[]? ReadItems<T>(JsonFields fields, string name, Func<JsonValue, string, CompileErrorList, T?> read) where T : class
    {
        if (!fields.RequiredArray(name, out var array)) return null;
        var items = new List<T>(array.Count);
        bool failed = false;
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var read1 = read(item, JsonPath.Index(fields.PathOf(name), index++), fields.Errors);
            if (read1 is null) failed = true;
            else items.Add(read1);
        }
        return failed ? null : items.ToArray();
    }

    /// <summary><c>behavior</c> of <c>Split</c> (required) or <c>Punctuation</c> (default <c>Isolated</c>).</summary>
    private static SplitBehavior? Behavior(JsonFields fields, bool required)
    {
        if (!fields.TryGet("behavior", out var value))
        {
            if (!required) return SplitBehavior.Isolated;
            fields.Missing("behavior");
            return null;
        }
        if (value.Kind == JsonKind.String)
        {
            switch (value.GetString())
            {
                case "Removed": return SplitBehavior.Removed;
                case "Isolated": return SplitBehavior.Isolated;
                case "MergedWithPrevious": return SplitBehavior.MergedWithPrevious;
                case "MergedWithNext": return SplitBehavior.MergedWithNext;
                case "Contiguous": return SplitBehavior.Contiguous;
            }
        }
        fields.WrongKind(value, "behavior", "one of \"Removed\", \"Isolated\", \"MergedWithPrevious\", \"MergedWithNext\", \"Contiguous\"");
        return null;
    }

    /// <summary>
    /// <c>Metaspace</c> (pre-tokenizer and decoder): <c>replacement</c>, <c>prepend_scheme</c> (default "always") and
    /// <c>split</c> (default true). Files older than <c>prepend_scheme</c> have <c>add_prefix_space</c>: false means
    /// "never", and contradicts any other declared scheme.
    /// </summary>
    private static (string Replacement, string PrependScheme, bool Split)? ReadMetaspace(JsonFields fields)
    {
        string? replacement = fields.RequiredChar("replacement");
        bool split = fields.Bool("split", absent: true);
        string? scheme = "always";
        bool declared = fields.TryGet("prepend_scheme", out var schemeValue);
        if (declared)
        {
            scheme = schemeValue.Kind == JsonKind.String ? schemeValue.GetString() : null;
            if (scheme is not ("always" or "first" or "never"))
            {
                fields.WrongKind(schemeValue, "prepend_scheme", "one of \"always\", \"first\", \"never\"");
                scheme = null;
            }
        }
        if (fields.TryGet("add_prefix_space", out var legacy) && legacy.Kind != JsonKind.Null)
        {
            bool? add = fields.Bool("add_prefix_space", absent: true);
            if (add == false)
            {
                if (declared && scheme is not null && scheme != "never")
                {
                    fields.Malformed(legacy, fields.PathOf("add_prefix_space"), "add_prefix_space false contradicts prepend_scheme \"" + scheme + "\"");
                    scheme = null;
                }
                else if (!declared) scheme = "never";
            }
        }
        return replacement is null || scheme is null ? null : (replacement, scheme, split);
    }
}
