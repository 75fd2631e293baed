using System;
using System.Diagnostics;
using Tokenizers;

// Usage: dotnet run -c Release --project benchmarks/load-time -- FILE [loads]
// Prints the wall and CPU time of each TokenizerFile.Load of FILE in this process: the first one pays for JIT, as an
// application's only load does. CPU time is the process's, so a busy machine shows in wall time only.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: load-time FILE [loads]");
    return 2;
}
int loads = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
var process = Process.GetCurrentProcess();
for (int i = 0; i < loads; i++)
{
    process.Refresh();
    TimeSpan cpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    ITokenizer tokenizer = TokenizerFile.Load(args[0]);
    double wall = clock.Elapsed.TotalSeconds;
    process.Refresh();
    Console.WriteLine($"load {i + 1}: {wall:F2} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU ({tokenizer.VocabularySize:N0} ids)");
}
return 0;
