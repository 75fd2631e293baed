using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tokenizers.TorchSharp.Benchmarks;

/// <summary>
/// In-process: a generated child project would not import build/TorchSharpNativeFix.targets, so TorchSharp would not
/// load there on Debian 12. A short run keeps the whole suite to a few minutes.
/// </summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new BatchesPerSecondColumn());
    }
}
