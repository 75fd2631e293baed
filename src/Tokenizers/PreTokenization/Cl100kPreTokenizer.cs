using System;

namespace Tokenizers.PreTokenization;

/// <summary>Cl100k pattern scanner (to be written).</summary>
public sealed class Cl100kPreTokenizer : PreTokenizer
{
    public static Cl100kPreTokenizer Instance { get; } = new();

    private Cl100kPreTokenizer() { }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start) => throw new NotImplementedException();
}
