using System.Collections.Generic;
using Tokenizers.Bpe;
using Tokenizers.PreTokenization;

namespace Tokenizers;

/// <summary>
/// A tokenizer that splits text with a <see cref="PreTokenization.PreTokenizer"/> and recognises a known set of special
/// tokens: what <see cref="StreamingEncoder"/> needs to cut a stream only where whole-text encoding would give the
/// same ids. Every class compiled from a BPE vocabulary by <c>[GeneratedTokenizer]</c> implements it.
/// </summary>
public interface IStreamableTokenizer : ITokenizer
{
    /// <summary>The scanner that splits text into the pieces BPE encodes independently.</summary>
    PreTokenizer PreTokenizer { get; }

    /// <summary>The special tokens, which ordinary text never produces.</summary>
    IReadOnlyList<SpecialToken> SpecialTokens { get; }
}
