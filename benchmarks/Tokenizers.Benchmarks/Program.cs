using System;
using System.Linq;
using BenchmarkDotNet.Running;
using Tokenizers.Benchmarks;

// dotnet run -c Release --project benchmarks/Tokenizers.Benchmarks -- --quick [--csv FILE] [--seconds 0.4] [--encodings cl100k_base,o200k_base]
//     every case in under 5 minutes, one line each: our MB/s, the others', the ratio
// dotnet run -c Release --project benchmarks/Tokenizers.Benchmarks -- [BenchmarkDotNet args, e.g. --filter '*Encode*']
//     the BenchmarkDotNet suite, with MemoryDiagnoser
if (args.Contains("--quick")) return QuickRun.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Corpora).Assembly).Run(args);
return 0;
