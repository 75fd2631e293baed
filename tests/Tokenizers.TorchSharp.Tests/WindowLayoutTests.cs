namespace Tokenizers.TorchSharp.Tests;

public sealed class WindowLayoutTests
{
    /// <summary>The notebook's loop: <c>for i in range(0, len(token_ids) - max_length, stride)</c>.</summary>
    private static List<long> PythonStarts(long tokens, int maxLength, int stride)
    {
        var starts = new List<long>();
        for (long i = 0; i < tokens - maxLength; i += stride) starts.Add(i);
        return starts;
    }

    [Fact]
    public void CountAndStartsMatchTheNotebookLoop()
    {
        int combinations = 0;
        foreach (long tokens in new long[] { 2, 3, 4, 5, 8, 9, 10, 17, 64, 100, 257, 1000, 5145 })
        foreach (int maxLength in new[] { 1, 2, 3, 4, 7, 8, 16, 256, 1024 })
        foreach (int stride in new[] { 1, 2, 3, 4, 5, 8, 128, 256, 10_000 })
        {
            if (tokens <= maxLength) continue;
            var layout = new WindowLayout(tokens, maxLength, stride);
            List<long> starts = PythonStarts(tokens, maxLength, stride);
            Assert.True(starts.Count == layout.Count, $"tokens {tokens}, max_length {maxLength}, stride {stride}: {layout.Count} != {starts.Count}");
            for (int w = 0; w < starts.Count; w++) Assert.Equal(starts[w], layout.StartOf(w));
            // The last window's target (one past its inputs) still ends inside the corpus.
            Assert.True(layout.StartOf(layout.Count - 1) + maxLength + 1 <= tokens);
            combinations++;
        }
        Assert.True(combinations > 500);
    }

    [Theory]
    [InlineData(5145, 4, 1, 5141)]
    [InlineData(5145, 4, 4, 1286)]
    [InlineData(5145, 256, 128, 39)]
    [InlineData(5, 4, 4, 1)]
    [InlineData(10_000_000_000, 1024, 1024, 9_765_624)]
    public void CountIsTheSizeOfThePythonRange(long tokens, int maxLength, int stride, long expected) =>
        Assert.Equal(expected, new WindowLayout(tokens, maxLength, stride).Count);

    [Fact]
    public void OverlapAndGapsFollowTheStride()
    {
        var overlapping = new WindowLayout(100, 8, 2);
        Assert.Equal(2, overlapping.StartOf(1) - overlapping.StartOf(0));
        var gapped = new WindowLayout(100, 4, 10);
        Assert.Equal(10, gapped.StartOf(1));
        Assert.Equal(10, gapped.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void StrideBelowOneIsRejected(int stride)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WindowLayout(100, 4, stride));
        Assert.Equal("stride", e.ParamName);
        Assert.Contains("stride must be at least 1", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxLengthBelowOneIsRejected(int maxLength)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WindowLayout(100, maxLength, 1));
        Assert.Equal("maxLength", e.ParamName);
        Assert.Contains("max_length must be at least 1", e.Message);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    public void CorpusShorterThanOneWindowIsRejected(long tokens, int maxLength)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => new WindowLayout(tokens, maxLength, 1));
        Assert.Contains($"The corpus has {tokens} tokens", e.Message);
        Assert.Contains($"at least {maxLength + 1}", e.Message);
    }

    [Fact]
    public void StartOfAWindowOutsideTheLayoutThrows()
    {
        var layout = new WindowLayout(10, 4, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.StartOf(layout.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.StartOf(-1));
    }
}
