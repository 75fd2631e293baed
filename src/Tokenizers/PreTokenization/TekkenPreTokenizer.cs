using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization;

/// <summary>
/// The pattern of Mistral's Tekken tokenizer.json files (Mistral Nemo and its successors) as a scanner: o200k_base's
/// without the contractions and with one digit a piece (see <see cref="O200kPreTokenizer"/> for U, L and P):
/// <c>P?U*L+|P?U+L*|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TekkenPreTokenizer : PreTokenizer
{
    public static TekkenPreTokenizer Instance { get; } = new();

    private TekkenPreTokenizer() { }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start) => O200kPreTokenizer.NextPieceLength<Rules>(text, start);

    private struct Rules : O200kPreTokenizer.IRules
    {
        public static int MaxDigits => 1;
        public static bool Contractions => false;
    }
}
