using Tokenizers.Data;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Tests;

public sealed class TokenWindowBatcherTests
{
    private static readonly int[] Verdict = SharedVectors.TheVerdictGpt2;

    private static TokenWindowBatcher Batcher(int maxLength = 4, int stride = 4, int batchSize = 8, bool shuffle = false,
        long? seed = null, bool dropLast = false, int[]? tokens = null) =>
        new(TokenSource.FromMemory(tokens ?? Verdict), maxLength, stride, batchSize, shuffle, seed, dropLast);

    /// <summary>The windows of one epoch, in order, as (start of window) read back from the input rows.</summary>
    private static List<long[]> Rows(IEnumerable<TokenBatch> epoch, List<long[]>? targets = null)
    {
        var rows = new List<long[]>();
        foreach ((Tensor input, Tensor target) in epoch)
        {
            long width = input.shape[1];
            long[] inputs = TensorAssert.Longs(input), shifted = TensorAssert.Longs(target);
            for (long r = 0; r < input.shape[0]; r++)
            {
                rows.Add(inputs.Skip((int)(r * width)).Take((int)width).ToArray());
                targets?.Add(shifted.Skip((int)(r * width)).Take((int)width).ToArray());
            }
        }
        return rows;
    }

    private static string Key(long[] row) => string.Join(",", row);

    [Fact]
    public void FirstBatchIsTheNotebooks()
    {
        TokenWindowBatcher batcher = Batcher();
        using TokenBatch batch = batcher.GetBatch(epoch: 0, batch: 0);
        TensorAssert.Equal(NotebookValues.FirstBatchInputs, batch.Input);
        Assert.Equal(new long[] { 8, 4 }, batch.Target.shape);
        long[] targets = TensorAssert.Longs(batch.Target);
        for (int r = 0; r < 8; r++)
            Assert.Equal(TensorAssert.Slice(Verdict, r * 4 + 1, 4), targets.Skip(r * 4).Take(4).ToArray());
    }

    [Fact]
    public void EnumeratingIsTheDatasetInOrderWithoutShuffle()
    {
        TokenWindowBatcher batcher = Batcher(maxLength: 8, stride: 5, batchSize: 7);
        var targets = new List<long[]>();
        List<long[]> inputs = Rows(batcher, targets);
        var layout = new WindowLayout(Verdict.Length, 8, 5);
        Assert.Equal(layout.Count, inputs.Count);
        for (int w = 0; w < inputs.Count; w++)
        {
            Assert.Equal(TensorAssert.Slice(Verdict, layout.StartOf(w), 8), inputs[w]);
            Assert.Equal(TensorAssert.Slice(Verdict, layout.StartOf(w) + 1, 8), targets[w]);
        }
    }

    [Fact]
    public void DropLastLeavesOutTheShortBatch()
    {
        // 5145 tokens, max_length 4, stride 4: 1286 windows = 160 batches of 8 and one of 6.
        TokenWindowBatcher keep = Batcher(dropLast: false), drop = Batcher(dropLast: true);
        Assert.Equal(161, keep.Count);
        Assert.Equal(160, drop.Count);
        Assert.Equal(6, keep.RowsOf(160));
        List<TokenBatch> kept = keep.Epoch(0).ToList();
        Assert.Equal(161, kept.Count);
        Assert.Equal(1286, Rows(keep.Epoch(0)).Count);
        Assert.Equal(1280, Rows(drop.Epoch(0)).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => drop.RowsOf(160));
    }

    [Fact]
    public void DropLastKeepsAnExactLastBatch()
    {
        int[] tokens = Enumerable.Range(0, 33).ToArray(); // 8 windows of 4 with stride 4
        Assert.Equal(2, Batcher(batchSize: 4, dropLast: true, tokens: tokens).Count);
        Assert.Equal(2, Batcher(batchSize: 4, dropLast: false, tokens: tokens).Count);
    }

    [Fact]
    public void ShuffleIsReproducibleFromTheSeed()
    {
        List<long[]> a = Rows(Batcher(shuffle: true, seed: 42).Epoch(0));
        List<long[]> b = Rows(Batcher(shuffle: true, seed: 42).Epoch(0));
        List<long[]> other = Rows(Batcher(shuffle: true, seed: 43).Epoch(0));
        List<long[]> ordered = Rows(Batcher().Epoch(0));
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.NotEqual(a, ordered);
        // A permutation: every window once.
        Assert.Equal(ordered.Select(Key).Order(), a.Select(Key).Order());
    }

    [Fact]
    public void EachEnumerationIsTheNextEpochWithItsOwnOrder()
    {
        TokenWindowBatcher first = Batcher(shuffle: true, seed: 7), second = Batcher(shuffle: true, seed: 7);
        List<long[]> epoch0 = Rows(first), epoch1 = Rows(first);
        Assert.NotEqual(epoch0, epoch1);
        Assert.Equal(epoch0, Rows(second));
        Assert.Equal(epoch1, Rows(second));
        Assert.Equal(epoch1, Rows(first.Epoch(1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void ShuffledOrderIsAPermutation(int windows)
    {
        var batcher = new TokenWindowBatcher(TokenSource.FromMemory(new int[windows + 1]), 1, 1, 1, shuffle: true, seed: windows);
        var seen = new bool[windows];
        for (long p = 0; p < windows; p++)
        {
            long w = batcher.WindowAt(0, p);
            Assert.False(seen[w]);
            seen[w] = true;
        }
    }

    [Fact]
    public void FileAndMemorySourcesGiveTheSameBatches()
    {
        using var temp = new TempDirectory();
        foreach (TokenFileWidth width in new[] { TokenFileWidth.UInt16, TokenFileWidth.UInt32 })
        {
            string path = temp.File($"verdict-{width}.bin");
            TokenFile.Write(path, Verdict, width);
            using TokenSource file = TokenSource.OpenFile(path, width);
            var fromFile = new TokenWindowBatcher(file, 16, 3, 5, shuffle: true, seed: 1, dropLast: true);
            Assert.Equal(Rows(Batcher(16, 3, 5, shuffle: true, seed: 1, dropLast: true).Epoch(0)), Rows(fromFile.Epoch(0)));
        }
    }

    [Fact]
    public void ReadBatchFillsPreallocatedTensors()
    {
        TokenWindowBatcher batcher = Batcher();
        using Tensor input = zeros(8, 4, ScalarType.Int64), target = zeros(8, 4, ScalarType.Int64);
        Assert.Equal(8, batcher.ReadBatch(0, 0, input, target));
        TensorAssert.Equal(NotebookValues.FirstBatchInputs, input);
        Assert.Equal(6, batcher.ReadBatch(0, 160, input, target));
        using Tensor wrong = zeros(8, 5, ScalarType.Int64);
        Assert.Throws<ArgumentException>(() => batcher.ReadBatch(0, 0, wrong, target));
        using Tensor floats = zeros(8, 4);
        Assert.Throws<ArgumentException>(() => batcher.ReadBatch(0, 0, input, floats));
    }

    [Fact]
    public void EnumerationDisposesBatchesItMovesPast()
    {
        TokenWindowBatcher batcher = Batcher();
        TokenBatch first = default;
        foreach (TokenBatch batch in batcher.Epoch(0))
        {
            if (first.Input is null) first = batch;
            else break;
        }
        Assert.Throws<InvalidOperationException>(() => first.Input.shape);

        var kept = new TokenWindowBatcher(TokenSource.FromMemory(Verdict), 4, 4, 8, disposeBatches: false);
        List<TokenBatch> all = kept.Epoch(0).ToList();
        Assert.Equal(new long[] { 8, 4 }, all[0].Input.shape);
        all.ForEach(b => b.Dispose());
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Batcher(batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batcher(stride: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batcher(maxLength: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batcher(maxLength: 5145));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batcher().GetBatch(0, 161));
    }
}
