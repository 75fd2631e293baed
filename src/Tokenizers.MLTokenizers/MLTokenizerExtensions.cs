using System;
using Microsoft.ML.Tokenizers;

namespace Tokenizers.MLTokenizers;

/// <summary>The one-line switch from ML.Tokenizers: <c>OpenAIEncodings.Cl100kBase.AsMLTokenizer()</c>.</summary>
public static class MLTokenizerExtensions
{
    /// <summary>
    /// <paramref name="tokenizer"/> as a <see cref="Tokenizer"/> of Microsoft.ML.Tokenizers, for code written against it.
    /// Special-token text is recognised by default, as ML.Tokenizers' <c>TiktokenTokenizer</c> does.
    /// </summary>
    /// <param name="tokenizer">The tokenizer to run.</param>
    /// <param name="specialTokens">How special-token text is encoded; null for <see cref="SpecialTokenPolicy.All"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenizer"/> is null.</exception>
    public static MLTokenizer AsMLTokenizer(this ITokenizer tokenizer, SpecialTokenPolicy? specialTokens = null)
        => new(tokenizer ?? throw new ArgumentNullException(nameof(tokenizer)), specialTokens ?? SpecialTokenPolicy.All);
}
