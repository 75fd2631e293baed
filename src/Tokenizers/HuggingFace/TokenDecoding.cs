using System;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The decoders a byte-level model runs: <c>ByteLevel</c> (alone or as the one step of a <c>Sequence</c>) turns the
/// tokens' alphabet chars back into bytes and the bytes into text with <c>from_utf8_lossy</c>; the engine's token
/// bytes are already those bytes (an added token's content, or a token with a char outside the alphabet, as its UTF-8).
/// </summary>
internal static class TokenDecoding
{
    public static void Check(DecoderDef? decoder)
    {
        switch (decoder)
        {
            case ByteLevelDecoderDef:
                return;
            case SequenceDecoderDef { Items: [ByteLevelDecoderDef] }:
                return;
            case null:
                throw new NotSupportedException("decoder: a model without a decoder (tokens joined by spaces) is not supported.");
            default:
                throw new NotSupportedException($"decoder: the decoder {decoder.GetType().Name} is not supported for a byte-level model.");
        }
    }
}
