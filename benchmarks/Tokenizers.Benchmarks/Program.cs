using System;
using System.Linq;
using BenchmarkDotNet.Running;
using Tokenizers.Benchmarks;

// dotnet run -c Release --project benchmarks/Tokenizers.Benchmarks -- --quick [--csv FILE] [--seconds 0.4] [--encodings cl100k_base,o200k_base]
//     every case in under 5 minutes, one line each: our MB/s, the others', the ratio
// dotnet run -c Release --project benchmarks/Tokenizers.Benchmarks -- [BenchmarkDotNet args, e.g. --filter '*Encode*']
//     the BenchmarkDotNet suite, with MemoryDiagnoser
// dotnet run -c Release --project benchmarks/Tokenizers.Benchmarks -- --write-training-corpus FILE
//     the generated ~10 MB corpus of benchmarks/trainer/compare.sh
// dotnet run -c Release --project benchmarks/Tokenizers.Benchmarks -- --write-corpus CORPUS FILE
//     one of the quick mode's corpora (prose, unique-words, code, multilingual) as a UTF-8 file, for whole-process runs
// dotnet run -c Release --project benchmarks/Tokenizers.Benchmarks -- --loop MODEL CORPUS OPERATION SECONDS
//     one case in a loop for a profiler (perf with DOTNET_PerfMapEnabled=1); MODEL is an encoding or a tokenizer.json model
// dotnet benchmarks/Tokenizers.Benchmarks/bin/Release/net10.0/Tokenizers.Benchmarks.dll --compare A.dll B.dll MODEL CORPUS OPERATION [SECONDS] [ROUNDS] [PROCESSES]
//     two builds' benchmarks (each started with --serve) in alternating slices (0.4 s, 8 rounds, 3 pairs of processes)
//     (MODEL as "A_MODEL,B_MODEL": two models on the same text, e.g. the same build twice, B's speed against A's)
if (args.Contains("--quick")) return QuickRun.Run(args);
if (Array.IndexOf(args, "--loop") is int loop and >= 0 && loop + 4 < args.Length)
    return QuickRun.Loop(args[loop + 1], args[loop + 2], args[loop + 3], double.Parse(args[loop + 4], System.Globalization.CultureInfo.InvariantCulture));
if (Array.IndexOf(args, "--serve") is int serve and >= 0 && serve + 3 < args.Length)
    return AlternatingRun.Serve(args[serve + 1], args[serve + 2], args[serve + 3]);
if (Array.IndexOf(args, "--compare") is int compare and >= 0 && compare + 5 < args.Length)
{
    double Number(int i, double fallback) => compare + i < args.Length ? double.Parse(args[compare + i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return AlternatingRun.Compare(args[compare + 1], args[compare + 2], args[compare + 3], args[compare + 4], args[compare + 5],
        seconds: Number(6, 0.4), rounds: (int)Number(7, 8), processes: (int)Number(8, 3));
}
if (Array.IndexOf(args, "--write-training-corpus") is int at and >= 0 && at + 1 < args.Length)
{
    // The trainer comparison's input (benchmarks/trainer/compare.sh): about 10 MB, generated, so nothing is copied in.
    System.IO.File.WriteAllText(args[at + 1], Corpora.TrainingText(10_000_000));
    return 0;
}
if (Array.IndexOf(args, "--write-corpus") is int w and >= 0 && w + 2 < args.Length)
{
    // The installed tool's runs on the same text as the in-process rows (benchmarks/load-time/cli-vs-hf.sh, INPUT=).
    System.IO.File.WriteAllText(args[w + 2], Corpora.Get(args[w + 1]));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Corpora).Assembly).Run(args);
return 0;
