using System;

namespace Tokenizers.PreTokenization;

/// <summary>O200k pattern scanner (to be written).</summary>
public sealed class O200kPreTokenizer : PreTokenizer
{
    public static O200kPreTokenizer Instance { get; } = new();

    private O200kPreTokenizer() { }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start) => throw new NotImplementedException();
}
