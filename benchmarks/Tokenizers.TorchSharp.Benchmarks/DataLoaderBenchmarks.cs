using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Tokenizers.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Benchmarks;

/// <summary>
/// The baseline: TorchSharp's own DataLoader over <see cref="WindowedTokenDataset"/>, with its per-item tensors and
/// dictionary collation, on the same corpus and windows as <see cref="BatcherBenchmarks"/>. One operation is one batch.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class DataLoaderBenchmarks
{
    private const int MaxLength = 1024;
    private const int BatchesPerInvoke = 64;

    private WindowedTokenDataset _dataset = null!;
    private DataLoader _loader = null!;
    private IEnumerator<Dictionary<string, Tensor>> _batches = null!;

    [Params(8)]
    public int BatchSize { get; set; }

    [Params(false, true)]
    public bool Shuffle { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TokenSource tokens = TokenSource.OpenFile(CorpusFile.Ensure(CorpusFile.Tokens), TokenFileWidth.UInt16);
        _dataset = new WindowedTokenDataset(tokens, MaxLength, MaxLength, ownsTokens: true);
        _loader = utils.data.DataLoader(_dataset, BatchSize, Shuffle, seed: 1, drop_last: true);
        _batches = _loader.GetEnumerator();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batches.Dispose();
        _loader.Dispose(); // disposes the dataset, which disposes the token file
    }

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke)]
    public long DataLoader()
    {
        long rows = 0;
        for (int i = 0; i < BatchesPerInvoke; i++)
        {
            if (!_batches.MoveNext())
            {
                _batches.Dispose();
                _batches = _loader.GetEnumerator();
                _batches.MoveNext();
            }
            rows += _batches.Current[WindowedTokenDataset.InputKey].shape[0];
        }
        return rows;
    }
}
