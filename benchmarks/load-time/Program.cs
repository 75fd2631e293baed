using System;
using System.Diagnostics;
using Tokenizers;

// Usage: dotnet run -c Release --project benchmarks/load-time -- FILE [loads] [cache directory]
// Prints the wall and CPU time and the bytes allocated of each TokenizerFile.Load of FILE in this process: the first
// one pays for JIT, as an application's only load does. CPU time is the process's, so a busy machine shows in wall time
// only. With a cache directory (TokenizerFileOptions.CacheDirectory), the first load of the first process fills it and
// the rest read it.
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: load-time FILE [loads] [cache directory]");
    return 2;
}
int loads = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
var options = new TokenizerFileOptions { CacheDirectory = args.Length == 3 ? args[2] : null };
var process = Process.GetCurrentProcess();
for (int i = 0; i < loads; i++)
{
    process.Refresh();
    TimeSpan cpu = process.TotalProcessorTime;
    long allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    ITokenizer tokenizer = TokenizerFile.Load(args[0], options);
    double wall = clock.Elapsed.TotalSeconds;
    process.Refresh();
    double megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
    Console.WriteLine($"load {i + 1}: {wall:F2} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU, {megabytes:F0} MB allocated ({tokenizer.VocabularySize:N0} ids)");
}
return 0;
