using System.Globalization;
using System.Text;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Compilation;

/// <summary>
/// Writes a <see cref="TokenizerDefinition"/> as compact tokenizer.json-shaped JSON without vocab and merges: the
/// generator emits it as a string and the runtime reads it back with <see cref="TokenizerJsonReader.ReadSpec"/>,
/// so both run the pipeline one reader made.
/// </summary>
internal static class TokenizerSpecWriter
{
    public static string Write(TokenizerDefinition definition)
    {
        var sb = new StringBuilder(256);
        sb.Append("{\"version\":\"1.0\",\"added_tokens\":[");
        for (int i = 0; i < definition.AddedTokens.Length; i++)
        {
            var t = definition.AddedTokens[i];
            if (i > 0) sb.Append(',');
            sb.Append("{\"id\":").Append(Number(t.Id)).Append(",\"content\":");
            JsonString.Write(sb, t.Content);
            sb.Append(",\"single_word\":").Append(Bool(t.SingleWord))
              .Append(",\"lstrip\":").Append(Bool(t.LStrip))
              .Append(",\"rstrip\":").Append(Bool(t.RStrip))
              .Append(",\"normalized\":").Append(Bool(t.Normalized))
              .Append(",\"special\":").Append(Bool(t.Special)).Append('}');
        }
        sb.Append("],\"normalizer\":");
        Normalizer(sb, definition.Normalizer);
        sb.Append(",\"pre_tokenizer\":");
        PreTokenizer(sb, definition.PreTokenizer);
        sb.Append(",\"post_processor\":");
        PostProcessor(sb, definition.PostProcessor);
        sb.Append(",\"decoder\":");
        Decoder(sb, definition.Decoder);
        var m = definition.Model;
        sb.Append(",\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":");
        StringOrNull(sb, m.UnkToken);
        sb.Append(",\"continuing_subword_prefix\":");
        StringOrNull(sb, m.ContinuingSubwordPrefix);
        sb.Append(",\"end_of_word_suffix\":");
        StringOrNull(sb, m.EndOfWordSuffix);
        sb.Append(",\"fuse_unk\":").Append(Bool(m.FuseUnk))
          .Append(",\"byte_fallback\":").Append(Bool(m.ByteFallback))
          .Append(",\"ignore_merges\":").Append(Bool(m.IgnoreMerges)).Append("}}");
        return sb.ToString();
    }

    private static void Normalizer(StringBuilder sb, NormalizerDef? normalizer)
    {
        switch (normalizer)
        {
            case null: sb.Append("null"); break;
            case UnicodeNormalizerDef u: Type(sb, u.Form).Append('}'); break;
            case LowercaseNormalizerDef: Type(sb, "Lowercase").Append('}'); break;
            case PrependNormalizerDef p:
                Field(Type(sb, "Prepend"), "prepend", p.Prepend).Append('}');
                break;
            case ReplaceNormalizerDef r:
                Field(Pattern(Type(sb, "Replace"), r.Pattern), "content", r.Content).Append('}');
                break;
            case SequenceNormalizerDef s:
                Type(sb, "Sequence").Append(",\"normalizers\":[");
                for (int i = 0; i < s.Items.Length; i++) Normalizer(i > 0 ? sb.Append(',') : sb, s.Items[i]);
                sb.Append("]}");
                break;
            default: throw Unknown(normalizer);
        }
    }

    private static void PreTokenizer(StringBuilder sb, PreTokenizerDef? preTokenizer)
    {
        switch (preTokenizer)
        {
            case null: sb.Append("null"); break;
            case SplitDef s:
                Pattern(Type(sb, "Split"), s.Pattern).Append(",\"behavior\":\"").Append(s.Behavior.ToString())
                    .Append("\",\"invert\":").Append(Bool(s.Invert)).Append('}');
                break;
            case ByteLevelDef b:
                Type(sb, "ByteLevel").Append(",\"add_prefix_space\":").Append(Bool(b.AddPrefixSpace))
                    .Append(",\"trim_offsets\":false,\"use_regex\":").Append(Bool(b.UseRegex)).Append('}');
                break;
            case DigitsDef d:
                Type(sb, "Digits").Append(",\"individual_digits\":").Append(Bool(d.IndividualDigits)).Append('}');
                break;
            case PunctuationDef p:
                Type(sb, "Punctuation").Append(",\"behavior\":\"").Append(p.Behavior.ToString()).Append("\"}");
                break;
            case MetaspaceDef m:
                Metaspace(Type(sb, "Metaspace"), m.Replacement, m.PrependScheme, m.Split);
                break;
            case SequencePreTokenizerDef s:
                Type(sb, "Sequence").Append(",\"pretokenizers\":[");
                for (int i = 0; i < s.Items.Length; i++) PreTokenizer(i > 0 ? sb.Append(',') : sb, s.Items[i]);
                sb.Append("]}");
                break;
            default: throw Unknown(preTokenizer);
        }
    }

    private static void PostProcessor(StringBuilder sb, PostProcessorDef? postProcessor)
    {
        switch (postProcessor)
        {
            case null: sb.Append("null"); break;
            case ByteLevelPostProcessorDef:
                Type(sb, "ByteLevel").Append(",\"add_prefix_space\":false,\"trim_offsets\":false}");
                break;
            case TemplateProcessingDef t:
                // Each special piece gets its own entry in special_tokens, named by its position.
                Type(sb, "TemplateProcessing").Append(",\"single\":[");
                for (int i = 0; i < t.Single.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    if (t.Single[i] is null) sb.Append("{\"Sequence\":{\"id\":\"A\",\"type_id\":0}}");
                    else sb.Append("{\"SpecialToken\":{\"id\":\"").Append(Number(i)).Append("\",\"type_id\":0}}");
                }
                sb.Append("],\"special_tokens\":{");
                bool first = true;
                for (int i = 0; i < t.Single.Length; i++)
                {
                    if (t.Single[i] is not { } ids) continue;
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append('"').Append(Number(i)).Append("\":{\"id\":\"").Append(Number(i)).Append("\",\"ids\":[");
                    for (int j = 0; j < ids.Length; j++) sb.Append(j > 0 ? "," : "").Append(Number(ids[j]));
                    sb.Append("],\"tokens\":[");
                    for (int j = 0; j < ids.Length; j++) sb.Append(j > 0 ? ",\"\"" : "\"\"");
                    sb.Append("]}");
                }
                sb.Append("}}");
                break;
            case SequencePostProcessorDef s:
                Type(sb, "Sequence").Append(",\"processors\":[");
                for (int i = 0; i < s.Items.Length; i++) PostProcessor(i > 0 ? sb.Append(',') : sb, s.Items[i]);
                sb.Append("]}");
                break;
            default: throw Unknown(postProcessor);
        }
    }

    private static void Decoder(StringBuilder sb, DecoderDef? decoder)
    {
        switch (decoder)
        {
            case null: sb.Append("null"); break;
            case ByteLevelDecoderDef: Type(sb, "ByteLevel").Append(",\"add_prefix_space\":false,\"trim_offsets\":false}"); break;
            case ByteFallbackDecoderDef: Type(sb, "ByteFallback").Append('}'); break;
            case FuseDecoderDef: Type(sb, "Fuse").Append('}'); break;
            case ReplaceDecoderDef r:
                Field(Pattern(Type(sb, "Replace"), r.Pattern), "content", r.Content).Append('}');
                break;
            case StripDecoderDef s:
                Field(Type(sb, "Strip"), "content", s.Content).Append(",\"start\":").Append(Number(s.Start))
                    .Append(",\"stop\":").Append(Number(s.Stop)).Append('}');
                break;
            case MetaspaceDecoderDef m:
                Metaspace(Type(sb, "Metaspace"), m.Replacement, m.PrependScheme, m.Split);
                break;
            case SequenceDecoderDef s:
                Type(sb, "Sequence").Append(",\"decoders\":[");
                for (int i = 0; i < s.Items.Length; i++) Decoder(i > 0 ? sb.Append(',') : sb, s.Items[i]);
                sb.Append("]}");
                break;
            default: throw Unknown(decoder);
        }
    }

    /// <summary>Opens an object with its type: <c>{"type":"X"</c>.</summary>
    private static StringBuilder Type(StringBuilder sb, string type) => sb.Append("{\"type\":\"").Append(type).Append('"');

    private static StringBuilder Field(StringBuilder sb, string name, string value)
    {
        sb.Append(",\"").Append(name).Append("\":");
        JsonString.Write(sb, value);
        return sb;
    }

    private static StringBuilder Pattern(StringBuilder sb, PatternDef pattern)
    {
        sb.Append(",\"pattern\":{\"").Append(pattern.IsRegex ? "Regex" : "String").Append("\":");
        JsonString.Write(sb, pattern.Text);
        return sb.Append('}');
    }

    private static void Metaspace(StringBuilder sb, string replacement, string prependScheme, bool split)
        => Field(Field(sb, "replacement", replacement), "prepend_scheme", prependScheme).Append(",\"split\":").Append(Bool(split)).Append('}');

    private static void StringOrNull(StringBuilder sb, string? value)
    {
        if (value is null) sb.Append("null");
        else JsonString.Write(sb, value);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static System.ArgumentException Unknown(object component)
        => new("no spec form for " + component.GetType().Name + ": add it to TokenizerSpecWriter and TokenizerJsonReader");
}
