using System.Collections.Generic;
using Tokenizers.Compilation.Json;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.Compilation;

/// <summary>
/// Compiles every regular expression of a tokenizer.json at build time, so that a construct the pattern compiler does
/// not support is a TOK022 error on the pattern (its JSON path, and the point in the file of the pattern string),
/// never a surprise at run time.
/// </summary>
internal static class PatternCheck
{
    public static void CheckAll(string text, TokenizerDefinition definition, List<CompileError> errors)
    {
        var found = new List<(object[] Path, PatternDef Pattern)>();
        Collect(definition.Normalizer, new object[] { "normalizer" }, found);
        Collect(definition.PreTokenizer, new object[] { "pre_tokenizer" }, found);
        Collect(definition.Decoder, new object[] { "decoder" }, found);
        JsonDocument? document = null;
        foreach (var (path, pattern) in found)
        {
            try
            {
                OnigPatternParser.Parse(pattern.Text);
            }
            catch (RegexPatternException e)
            {
                // Rare: parse the file again only to say where the pattern is written.
                document ??= JsonDocument.Parse(text, out _);
                var where = document is null ? default : Locate(document.Root, path);
                errors.Add(new CompileError(CompileErrorCodes.UnsupportedRegex,
                    $"the regular expression construct {e.Construct} at offset {e.Offset} of pattern '{TextDisplay.Show(pattern.Text)}' is not supported",
                    Display(path), where));
            }
        }
    }

    private static void Collect(NormalizerDef? def, object[] path, List<(object[], PatternDef)> found)
    {
        switch (def)
        {
            case ReplaceNormalizerDef { Pattern.IsRegex: true } r: found.Add((Append(path, "pattern", "Regex"), r.Pattern)); break;
            case SequenceNormalizerDef s:
                for (int i = 0; i < s.Items.Length; i++) Collect(s.Items[i], Append(path, "normalizers", i), found);
                break;
        }
    }

    private static void Collect(PreTokenizerDef? def, object[] path, List<(object[], PatternDef)> found)
    {
        switch (def)
        {
            case SplitDef { Pattern.IsRegex: true } s: found.Add((Append(path, "pattern", "Regex"), s.Pattern)); break;
            case SequencePreTokenizerDef s:
                for (int i = 0; i < s.Items.Length; i++) Collect(s.Items[i], Append(path, "pretokenizers", i), found);
                break;
        }
    }

    private static void Collect(DecoderDef? def, object[] path, List<(object[], PatternDef)> found)
    {
        switch (def)
        {
            case ReplaceDecoderDef { Pattern.IsRegex: true } r: found.Add((Append(path, "pattern", "Regex"), r.Pattern)); break;
            case SequenceDecoderDef s:
                for (int i = 0; i < s.Items.Length; i++) Collect(s.Items[i], Append(path, "decoders", i), found);
                break;
        }
    }

    private static object[] Append(object[] path, params object[] more)
    {
        var result = new object[path.Length + more.Length];
        path.CopyTo(result, 0);
        more.CopyTo(result, path.Length);
        return result;
    }

    internal static SourcePoint Locate(JsonValue value, object[] path)
    {
        foreach (var step in path)
        {
            if (step is string name)
            {
                if (!value.TryGetProperty(name, out var member)) break;
                value = member;
            }
            else
            {
                int index = (int)step, i = 0;
                bool moved = false;
                foreach (var item in value.EnumerateArray())
                {
                    if (i++ != index) continue;
                    value = item;
                    moved = true;
                    break;
                }
                if (!moved) break;
            }
        }
        return value.Where;
    }

    internal static string Display(object[] path)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var step in path)
        {
            if (step is string name) sb.Append(sb.Length == 0 ? "" : ".").Append(name);
            else sb.Append('[').Append(((int)step).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
        }
        return sb.ToString();
    }
}
