using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>
/// Which tokenizer.json decoders the runtime runs, checked at build time (TOK020) and again when a model is made.
/// A byte-level model decodes with <c>ByteLevel</c> (alone or as a one-step <c>Sequence</c>). A SentencePiece-style
/// model decodes with a chain of <c>Replace</c> (on a string), <c>ByteFallback</c>, <c>Fuse</c>, <c>Strip</c> and
/// <c>Metaspace</c>, <c>Sequence</c>s flattened; after a <c>Fuse</c> the chain works on one growing token, which
/// <c>ByteFallback</c> (a whole token of six bytes) cannot do as a stream.
/// </summary>
internal static class DecoderSupport
{
    /// <summary>The steps of a supported SentencePiece-style decoder, flattened; null with a message and path when unsupported.</summary>
    public static List<DecoderDef>? Steps(DecoderDef? decoder, bool byteLevel, out string? problem, out string path)
        => Steps(decoder, byteLevel, out problem, out path, out _);

    /// <summary>The same, with the JSON path of the unsupported decoder as steps (names and indices).</summary>
    public static List<DecoderDef>? Steps(DecoderDef? decoder, bool byteLevel, out string? problem, out string path, out object[] steps)
    {
        var found = Find(decoder, byteLevel, out problem, out steps);
        path = PatternCheck.Display(steps);
        return found;
    }

    private static List<DecoderDef>? Find(DecoderDef? decoder, bool byteLevel, out string? problem, out object[] path)
    {
        path = new object[] { "decoder" };
        problem = null;
        if (byteLevel)
        {
            if (decoder is ByteLevelDecoderDef || decoder is SequenceDecoderDef { Items.Length: 1 } one && one.Items[0] is ByteLevelDecoderDef)
                return new List<DecoderDef>();
            problem = decoder is null
                ? "a model without a decoder (tokens joined by spaces) is not supported"
                : $"the decoder {Name(decoder)} is not supported for a byte-level model (only ByteLevel is)";
            return null;
        }
        if (decoder is null)
        {
            problem = "a model without a decoder (tokens joined by spaces) is not supported";
            return null;
        }
        var steps = new List<DecoderDef>();
        bool fused = false;
        return Add(decoder, path, ref path, ref problem) ? steps : null;

        bool Add(DecoderDef def, object[] at, ref object[] where, ref string? message)
        {
            switch (def)
            {
                case SequenceDecoderDef sequence:
                    for (int i = 0; i < sequence.Items.Length; i++)
                        if (!Add(sequence.Items[i], [.. at, "decoders", i], ref where, ref message)) return false;
                    return true;
                case ReplaceDecoderDef { Pattern.IsRegex: true }:
                    message = "a Replace decoder with a Regex pattern is not supported (a String pattern is)";
                    break;
                case ReplaceDecoderDef { Pattern.Text.Length: 0 }:
                    message = "a Replace decoder with an empty pattern is not supported";
                    break;
                case ByteFallbackDecoderDef when fused:
                    message = "ByteFallback after Fuse is not supported";
                    break;
                case ReplaceDecoderDef or ByteFallbackDecoderDef or StripDecoderDef or MetaspaceDecoderDef:
                    steps.Add(def);
                    return true;
                case FuseDecoderDef:
                    fused = true;
                    steps.Add(def);
                    return true;
                default:
                    message = $"the decoder {Name(def)} is not supported for a SentencePiece-style model";
                    break;
            }
            where = at;
            return false;
        }
    }

    private static string Name(DecoderDef def) => def.GetType().Name.Replace("DecoderDef", "");
}
