using System;
using System.IO;

namespace Tokenizers.TorchSharp.Benchmarks;

/// <summary>This process's memory from /proc/self/status (Linux), in MiB; -1 where unavailable.</summary>
internal readonly record struct ProcessMemory(double Rss, double PeakRss, double Anonymous, double FileBacked)
{
    public static ProcessMemory Now()
    {
        double rss = -1, peak = -1, anon = -1, file = -1;
        if (File.Exists("/proc/self/status"))
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kib(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kib(line);
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kib(line);
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kib(line);
            }
        }
        return new ProcessMemory(rss, peak, anon, file);
    }

    public override string ToString() =>
        $"RSS {Rss:N0} MiB (anonymous {Anonymous:N0}, file-backed {FileBacked:N0}), peak RSS {PeakRss:N0} MiB";

    private static double Kib(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim()) / 1024.0;
}
