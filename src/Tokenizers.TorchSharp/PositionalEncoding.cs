namespace Tokenizers.TorchSharp;

/// <summary>How <see cref="GptEmbedding"/> encodes positions.</summary>
public enum PositionalEncoding
{
    /// <summary>A trained <c>context × dim</c> embedding, initialized N(0, 1) (GPT-2).</summary>
    Learned,

    /// <summary>The fixed sine/cosine table of the original Transformer; no parameters.</summary>
    Sinusoidal,
}
