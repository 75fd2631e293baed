using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization;

/// <summary>
/// Splits text into the pieces that BPE encodes independently, exactly as an encoding's regular expression would
/// (matches are consecutive and cover the whole text). Scanners are hand-written and work on Unicode code points,
/// as tiktoken's Rust regex does.
/// </summary>
public abstract class PreTokenizer
{
    /// <summary>Length in chars of the piece that starts at <paramref name="start"/> (&gt; 0 while start &lt; text.Length).</summary>
    public abstract int NextPieceLength(ReadOnlySpan<char> text, int start);

    /// <summary>Looks up a scanner by pattern name: <c>gpt2</c>, <c>cl100k</c>, <c>o200k</c> or <c>none</c>; null when unknown.</summary>
    public static PreTokenizer? FromName(string name) => name switch
    {
        "gpt2" or "r50k" or "r50k_base" or "p50k" or "p50k_base" => Gpt2PreTokenizer.Instance,
        "cl100k" or "cl100k_base" => Cl100kPreTokenizer.Instance,
        "o200k" or "o200k_base" => O200kPreTokenizer.Instance,
        "none" => WholeTextPreTokenizer.Instance,
        _ => null,
    };
}

/// <summary>No pre-tokenization: the whole text is one piece.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WholeTextPreTokenizer : PreTokenizer
{
    public static WholeTextPreTokenizer Instance { get; } = new();

    private WholeTextPreTokenizer() { }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start) => text.Length - start;
}
