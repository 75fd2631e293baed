using BenchmarkDotNet.Attributes;
using Tokenizers.Data;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Benchmarks;

/// <summary>
/// <see cref="TokenWindowBatcher"/> over the memory-mapped corpus (max_length 1024, stride 1024). One operation is one
/// batch; consecutive operations walk on through the epoch, so a run touches the file far and wide.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class BatcherBenchmarks
{
    private const int MaxLength = 1024;
    private const int BatchesPerInvoke = 256;

    private TokenSource _tokens = null!;
    private TokenWindowBatcher _batcher = null!;
    private Tensor _input = null!, _target = null!;
    private long _next;

    [Params(8, 64)]
    public int BatchSize { get; set; }

    [Params(false, true)]
    public bool Shuffle { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tokens = TokenSource.OpenFile(CorpusFile.Ensure(CorpusFile.Tokens), TokenFileWidth.UInt16);
        _batcher = new TokenWindowBatcher(_tokens, MaxLength, MaxLength, BatchSize, Shuffle, seed: 1, dropLast: true);
        _input = empty(BatchSize, MaxLength, ScalarType.Int64);
        _target = empty(BatchSize, MaxLength, ScalarType.Int64);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _input.Dispose();
        _target.Dispose();
        _tokens.Dispose();
    }

    /// <summary>A new pair of tensors per batch, as enumerating the batcher gives.</summary>
    [Benchmark(OperationsPerInvoke = BatchesPerInvoke)]
    public long NewTensors()
    {
        long rows = 0;
        for (int i = 0; i < BatchesPerInvoke; i++)
        {
            using TokenBatch batch = _batcher.GetBatch(0, Next());
            rows += batch.Rows;
        }
        return rows;
    }

    /// <summary>The same two tensors refilled with <see cref="TokenWindowBatcher.ReadBatch"/>: no allocation at all.</summary>
    [Benchmark(OperationsPerInvoke = BatchesPerInvoke)]
    public long ReusedTensors()
    {
        long rows = 0;
        for (int i = 0; i < BatchesPerInvoke; i++) rows += _batcher.ReadBatch(0, Next(), _input, _target);
        return rows;
    }

    private long Next()
    {
        long batch = _next;
        _next = (_next + 1) % _batcher.Count;
        return batch;
    }
}
