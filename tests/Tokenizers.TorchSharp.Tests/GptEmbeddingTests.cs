using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Tests;

[Collection(nameof(TorchRandomState))]
public sealed class GptEmbeddingTests
{
    [Fact]
    public void TokenTableAfterManualSeed123IsTheNotebooks()
    {
        manual_seed(123);
        using var embedding = new GptEmbedding(vocabularySize: 50257, embeddingDim: 256, contextLength: 4);
        Tensor weight = embedding.TokenEmbedding.weight!;
        Assert.Equal(new long[] { 50257, 256 }, weight.shape);
        foreach ((long row, float[] head, float[] tail) in NotebookValues.EmbeddingRows)
        {
            float[] values = weight[row].data<float>().ToArray();
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(head[i], values[i], 4);
                Assert.Equal(tail[i], values[^(3 - i)], 4);
            }
        }
    }

    [Fact]
    public void EmbedsTheNotebooksBatchToShape8x4x256()
    {
        manual_seed(123);
        using var embedding = new GptEmbedding(50257, 256, 4);
        var batcher = new TokenWindowBatcher(TokenSource.FromMemory(SharedVectors.TheVerdictGpt2), 4, 4, 8);
        using TokenBatch batch = batcher.GetBatch(0, 0);
        using var scope = NewDisposeScope();
        Tensor output = embedding.call(batch.Input);
        Assert.Equal(new long[] { 8, 4, 256 }, output.shape);
        Assert.Equal(new long[] { 8, 4, 256 }, embedding.TokenEmbedding.call(batch.Input).shape);

        // Token embedding of each id plus the learned vector of its position.
        Tensor expected = embedding.TokenEmbedding.weight![batch.Input] + embedding.PositionTable.unsqueeze(0);
        Assert.True(output.allclose(expected));
    }

    [Fact]
    public void LearnedPositionsAreParametersAndSinusoidalOnesAreNot()
    {
        using var learned = new GptEmbedding(10, 8, 6);
        Assert.Equal(["token_embedding.weight", "position_embedding.weight"], learned.named_parameters().Select(p => p.name));

        using var fixedPositions = new GptEmbedding(10, 8, 6, positionalEncoding: PositionalEncoding.Sinusoidal);
        Assert.Equal(["token_embedding.weight"], fixedPositions.named_parameters().Select(p => p.name));
        Assert.Null(fixedPositions.PositionEmbedding);
        float[] table = fixedPositions.PositionTable.data<float>().ToArray();
        Assert.Equal(6 * 8, table.Length);
        for (int p = 0; p < 6; p++)
        for (int i = 0; i < 8; i++)
        {
            double angle = p / Math.Pow(10000, (i - i % 2) / 8.0);
            Assert.Equal(i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle), table[p * 8 + i], 5);
        }

        using Tensor ids = tensor(new long[] { 1, 2, 3 });
        using Tensor output = fixedPositions.call(ids);
        using Tensor expected = fixedPositions.TokenEmbedding.call(ids) + fixedPositions.PositionTable.narrow(0, 0, 3);
        Assert.True(output.allclose(expected));
    }

    [Fact]
    public void DropoutActsOnlyInTraining()
    {
        using var embedding = new GptEmbedding(10, 64, 4, dropout: 0.5);
        using Tensor ids = tensor(new long[,] { { 1, 2, 3, 4 } });
        embedding.train();
        using Tensor trained = embedding.call(ids);
        Assert.True(trained.eq(0).sum().item<long>() > 0);
        embedding.eval();
        using Tensor evaluated = embedding.call(ids);
        using Tensor plain = embedding.TokenEmbedding.call(ids) + embedding.PositionTable;
        Assert.True(evaluated.allclose(plain));
    }

    [Fact]
    public void SequencesLongerThanTheContextAreRejected()
    {
        using var embedding = new GptEmbedding(10, 8, 4);
        using Tensor ids = zeros(2, 5, ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => embedding.call(ids));
        Assert.Contains("context holds 4", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GptEmbedding(0, 8, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GptEmbedding(10, 8, 4, dropout: 1));
    }
}

/// <summary>Tests that seed torch's global generator and read what it drew must not interleave.</summary>
[CollectionDefinition(nameof(TorchRandomState), DisableParallelization = true)]
public sealed class TorchRandomState;
