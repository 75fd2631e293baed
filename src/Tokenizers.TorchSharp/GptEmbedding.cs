using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp;

/// <summary>
/// A GPT's input layer: token embeddings (<c>vocab × dim</c>) plus positional embeddings (<c>context × dim</c>,
/// learned or sinusoidal), summed, then dropout. Maps int64 ids <c>[…, seq]</c> to <c>[…, seq, dim]</c>, seq ≤ context.
/// Weights are initialized as PyTorch's <c>nn.Embedding</c> does, N(0, 1), token table first: after
/// <c>torch.manual_seed(123)</c> the token table equals <c>torch.nn.Embedding(vocab, dim)</c> created at that point.
/// </summary>
public sealed class GptEmbedding : nn.Module<Tensor, Tensor>
{
    private const string PositionTableName = "position_table";

    private readonly Embedding _tokenEmbedding;
    private readonly Embedding? _positionEmbedding;
    private readonly Dropout? _dropout;

    /// <param name="vocabularySize">Number of token ids.</param>
    /// <param name="embeddingDim">Size of each embedding vector.</param>
    /// <param name="contextLength">Longest sequence; the number of positions.</param>
    /// <param name="dropout">Dropout probability on the summed embeddings; 0 for none.</param>
    /// <param name="positionalEncoding">Learned positional embeddings (GPT-2) or the fixed sinusoidal table.</param>
    /// <param name="name">The module's name.</param>
    public GptEmbedding(long vocabularySize, long embeddingDim, long contextLength, double dropout = 0.0,
        PositionalEncoding positionalEncoding = PositionalEncoding.Learned, string name = nameof(GptEmbedding))
        : base(name)
    {
        if (vocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "The vocabulary needs at least one id.");
        if (embeddingDim < 1) throw new ArgumentOutOfRangeException(nameof(embeddingDim), embeddingDim, "The embedding dimension must be at least 1.");
        if (contextLength < 1) throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "The context length must be at least 1.");
        if (dropout is < 0 or >= 1 || double.IsNaN(dropout)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Dropout is a probability in [0, 1).");

        VocabularySize = vocabularySize;
        EmbeddingDim = embeddingDim;
        ContextLength = contextLength;
        PositionalEncoding = positionalEncoding;

        // The token table draws from the generator first, so its values match the notebook's nn.Embedding.
        _tokenEmbedding = nn.Embedding(vocabularySize, embeddingDim);
        register_module("token_embedding", _tokenEmbedding);
        switch (positionalEncoding)
        {
            case PositionalEncoding.Learned:
                _positionEmbedding = nn.Embedding(contextLength, embeddingDim);
                register_module("position_embedding", _positionEmbedding);
                break;
            case PositionalEncoding.Sinusoidal:
                // A buffer: it follows the module across devices but is neither trained nor saved.
                register_buffer(PositionTableName, SinusoidalPositions.Create(contextLength, embeddingDim), persistent: false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(positionalEncoding), positionalEncoding, "Unknown positional encoding.");
        }
        if (dropout > 0)
        {
            _dropout = nn.Dropout(dropout);
            register_module("dropout", _dropout);
        }
    }

    public long VocabularySize { get; }

    public long EmbeddingDim { get; }

    public long ContextLength { get; }

    public PositionalEncoding PositionalEncoding { get; }

    /// <summary>The token embedding; its <c>weight</c> is the <c>vocab × dim</c> table.</summary>
    public Embedding TokenEmbedding => _tokenEmbedding;

    /// <summary>The learned positional embedding, or null with <see cref="PositionalEncoding.Sinusoidal"/>.</summary>
    public Embedding? PositionEmbedding => _positionEmbedding;

    /// <summary>The <c>context × dim</c> position vectors, learned or fixed (a view; do not dispose).</summary>
    public Tensor PositionTable => _positionEmbedding?.weight ?? get_buffer(PositionTableName)!;

    /// <summary>Embeds int64 token ids of shape <c>[…, seq]</c> into <c>[…, seq, dim]</c>.</summary>
    /// <exception cref="ArgumentException">The sequence is longer than <see cref="ContextLength"/>.</exception>
    public override Tensor forward(Tensor tokenIds)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (tokenIds.dim() < 1) throw new ArgumentException("Token ids need at least one dimension, the sequence.", nameof(tokenIds));
        long length = tokenIds.size(-1);
        if (length > ContextLength)
            throw new ArgumentException($"The sequence has {length} tokens; the context holds {ContextLength}.", nameof(tokenIds));

        using DisposeScope scope = NewDisposeScope();
        Tensor tokens = _tokenEmbedding.call(tokenIds);
        Tensor positions = _positionEmbedding is null
            ? get_buffer(PositionTableName)!.narrow(0, 0, length)
            : _positionEmbedding.call(arange(length, ScalarType.Int64, tokenIds.device));
        Tensor sum = tokens + positions;
        if (_dropout is not null) sum = _dropout.call(sum);
        return sum.MoveToOuterDisposeScope();
    }
}
