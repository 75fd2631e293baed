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
    /// <exception cref="NotSupportedException">The byte-level model's decoder is not ByteLevel (the build reports it as TOK020).</exception>
    public static void Check(DecoderDef? decoder)
    {
        if (DecoderSupport.Steps(decoder, byteLevel: true, out string? problem, out string path) is null)
            throw new NotSupportedException($"{path}: {problem}.");
    }

    /// <summary>
    /// What a SentencePiece-style chain does to a token alone, mid-text: whether ByteFallback turns a byte token into
    /// its byte, and the (pattern, content) pairs of its Replace steps and Metaspace (the replacement becomes a space).
    /// </summary>
    public static (bool ByteFallback, string[] Replacements) PerToken(DecoderDef? decoder)
    {
        bool byteFallback = false;
        var replacements = new System.Collections.Generic.List<string>();
        foreach (var step in DecoderSupport.Steps(decoder, byteLevel: false, out _, out _) ?? [])
        {
            switch (step)
            {
                case ByteFallbackDecoderDef: byteFallback = true; break;
                case ReplaceDecoderDef r: replacements.Add(r.Pattern.Text); replacements.Add(r.Content); break;
                case MetaspaceDecoderDef m: replacements.Add(m.Replacement); replacements.Add(" "); break;
            }
        }
        return (byteFallback, replacements.ToArray());
    }

    /// <summary>A token spelled <c>&lt;0xNN&gt;</c> (ByteFallback's test, on the token's UTF-8).</summary>
    public static bool TryParseByteToken(ReadOnlySpan<byte> token, out byte value)
    {
        value = 0;
        if (token.Length != 6 || token[0] != '<' || token[1] != '0' || token[2] != 'x' || token[5] != '>') return false;
        int high = Hex(token[3]), low = Hex(token[4]);
        if (low < 0) return false;
        if (token[3] == '+') high = 0;
        else if (high < 0) return false;
        value = (byte)(high * 16 + low);
        return true;
    }

    private static int Hex(byte c) => c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10
        : c is >= (byte)'A' and <= (byte)'F' ? c - 'A' + 10 : -1;
}
