using TorchSharp;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Tests;

public sealed class WindowedTokenDatasetTests
{
    private static readonly int[] Verdict = SharedVectors.TheVerdictGpt2;

    [Fact]
    public void TheVerdictHas5145Gpt2Tokens() => Assert.Equal(5145, Verdict.Length);

    [Fact]
    public void FirstPairIsTheNotebooks()
    {
        using var dataset = new WindowedTokenDataset(TokenSource.FromMemory(Verdict), maxLength: 4, stride: 1);
        (Tensor input, Tensor target) = dataset.GetItem(0);
        using (input)
        using (target)
        {
            Assert.Equal(new long[] { 40, 367, 2885, 1464 }, TensorAssert.Longs(input));
            Assert.Equal(new long[] { 367, 2885, 1464, 1807 }, TensorAssert.Longs(target));
            Assert.Equal(ScalarType.Int64, input.dtype);
            Assert.Equal(new long[] { 4 }, input.shape);
        }
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(4, 4)]
    [InlineData(8, 3)]
    [InlineData(256, 128)]
    public void EveryItemIsTheWindowAndItsShift(int maxLength, int stride)
    {
        using var dataset = new WindowedTokenDataset(TokenSource.FromMemory(Verdict), maxLength, stride);
        Assert.Equal(new WindowLayout(Verdict.Length, maxLength, stride).Count, dataset.Count);
        for (long i = 0; i < dataset.Count; i += Math.Max(1, dataset.Count / 50))
        {
            using var scope = NewDisposeScope();
            Dictionary<string, Tensor> item = dataset.GetTensor(i);
            Assert.Equal(TensorAssert.Slice(Verdict, i * stride, maxLength), TensorAssert.Longs(item[WindowedTokenDataset.InputKey]));
            Assert.Equal(TensorAssert.Slice(Verdict, i * stride + 1, maxLength), TensorAssert.Longs(item[WindowedTokenDataset.TargetKey]));
        }
    }

    [Fact]
    public void TorchSharpDataLoaderGivesTheNotebooksFirstBatch()
    {
        using var dataset = new WindowedTokenDataset(TokenSource.FromMemory(Verdict), maxLength: 4, stride: 4);
        using var loader = utils.data.DataLoader(dataset, batchSize: 8, shuffle: false);
        // The loader disposes a batch when its enumerator moves on or is disposed: assert while it is current.
        using IEnumerator<Dictionary<string, Tensor>> batches = loader.GetEnumerator();
        Assert.True(batches.MoveNext());
        Dictionary<string, Tensor> batch = batches.Current;
        TensorAssert.Equal(NotebookValues.FirstBatchInputs, batch[WindowedTokenDataset.InputKey]);
        Assert.Equal(new long[] { 8, 4 }, batch[WindowedTokenDataset.TargetKey].shape);
        Assert.Equal(new long[] { 367, 2885, 1464, 1807 }, TensorAssert.Longs(batch[WindowedTokenDataset.TargetKey][0]));
    }

    [Fact]
    public void TheNotebooksShuffledBatchRowsAreWindowsWithTheirTargets()
    {
        // Cell 47 printed a shuffled first batch (max_length 4, stride 4); each row must be one of our windows.
        long[,] inputs =
        {
            { 464, 1109, 3181, 1363 }, { 314, 2138, 1807, 340 }, { 1544, 9373, 6364, 25 }, { 34537, 526, 198, 198 },
            { 2495, 11331, 2768, 590 }, { 48422, 540, 450, 67 }, { 379, 790, 966, 262 }, { 1310, 1165, 881, 40642 },
        };
        long[] lastTargets = [284, 561, 366, 1, 286, 3299, 3512, 972];
        using var dataset = new WindowedTokenDataset(TokenSource.FromMemory(Verdict), maxLength: 4, stride: 4);
        var windows = Enumerable.Range(0, (int)dataset.Count)
            .Select(i => (Input: TensorAssert.Slice(Verdict, i * 4L, 4), Target: TensorAssert.Slice(Verdict, i * 4L + 1, 4)))
            .ToList();
        for (int r = 0; r < 8; r++)
        {
            long[] row = TensorAssert.Row(inputs, r);
            var match = windows.Single(w => w.Input.SequenceEqual(row));
            Assert.Equal(lastTargets[r], match.Target[^1]);
        }
    }

    [Fact]
    public void ReadsFromAMemoryMappedFile()
    {
        using var temp = new TempDirectory();
        string path = temp.File("verdict.bin");
        Tokenizers.Data.TokenFile.Write(path, Verdict, Tokenizers.Data.TokenFileWidth.UInt16);
        using var dataset = new WindowedTokenDataset(TokenSource.OpenFile(path, Tokenizers.Data.TokenFileWidth.UInt16), 4, 1, ownsTokens: true);
        (Tensor input, Tensor target) = dataset.GetItem(1);
        using (input)
        using (target)
        {
            Assert.Equal(new long[] { 367, 2885, 1464, 1807 }, TensorAssert.Longs(input));
            Assert.Equal(new long[] { 2885, 1464, 1807, 3619 }, TensorAssert.Longs(target));
        }
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        TokenSource tokens = TokenSource.FromMemory(new[] { 1, 2, 3, 4 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowedTokenDataset(tokens, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowedTokenDataset(tokens, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowedTokenDataset(tokens, 0, 1));
        Assert.Throws<ArgumentNullException>(() => new WindowedTokenDataset(null!, 2, 1));
        using var dataset = new WindowedTokenDataset(tokens, 2, 1);
        Assert.Equal(2, dataset.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.GetItem(2));
    }
}
