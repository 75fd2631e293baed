using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization;

/// <summary>
/// Qwen2's (and Qwen3's) pattern as a scanner: cl100k's with one digit a piece,
/// <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Qwen2PreTokenizer : PreTokenizer
{
    public static Qwen2PreTokenizer Instance { get; } = new();

    private Qwen2PreTokenizer() { }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start) =>
        Cl100kPreTokenizer.NextPieceLength(text, start, maxDigits: 1);
}
