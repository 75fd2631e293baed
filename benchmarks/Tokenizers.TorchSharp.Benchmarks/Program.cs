using System;
using System.Linq;
using BenchmarkDotNet.Running;
using Tokenizers.TorchSharp.Benchmarks;

// dotnet run -c Release -- [BenchmarkDotNet args]          batches/s of TokenWindowBatcher and TorchSharp's DataLoader
// dotnet run -c Release -- --epoch [--shuffle] [--new-tensors] [--batch N] [--max-length N] [--view-kib N] [--views N]
//                                                           one full epoch over the file, with resident memory
// dotnet run -c Release -- --clean                          delete the corpus file from the temp folder
// TOKENIZERS_BENCH_TOKENS sets the corpus size (default 10^8 tokens, 200 MB).
if (args.Contains("--clean"))
{
    CorpusFile.Delete();
    return 0;
}
if (args.Contains("--epoch"))
{
    EpochRun.Run(
        batchSize: Option("--batch", 8),
        maxLength: Option("--max-length", 1024),
        shuffle: args.Contains("--shuffle"),
        newTensors: args.Contains("--new-tensors"),
        viewBytes: Option("--view-kib", Tokenizers.Data.TokenFileReader.DefaultViewBytes / 1024) * 1024,
        maxViews: Option("--views", Tokenizers.Data.TokenFileReader.DefaultMaxViews));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(CorpusFile).Assembly).Run(args);
Console.WriteLine($"// Process after all benchmarks (in-process, cumulative): {ProcessMemory.Now()}");
return 0;

int Option(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
}
