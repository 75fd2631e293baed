using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Tokenizers.Benchmarks;

/// <summary>
/// The processor a run measured on, for its header: ratios against Hugging Face's Rust core moved by 2× between two
/// hosts of the same size, so a figure without its host cannot be compared.
/// </summary>
internal static class HostDescription
{
    /// <summary>E.g. "Intel(R) Xeon(R) Processor, 2000 MHz, last-level cache 107520 KB, virtual machine" on Linux; the OS and architecture elsewhere.</summary>
    public static string Describe()
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo")) return Fallback();
            string[] lines = File.ReadAllLines("/proc/cpuinfo");
            var parts = new List<string> { Field(lines, "model name") ?? Fallback() };
            if (Field(lines, "cpu MHz") is { } mhz) parts.Add($"{double.Parse(mhz, CultureInfo.InvariantCulture):0} MHz");
            if (Field(lines, "cache size") is { } cache) parts.Add($"last-level cache {cache}");
            if (Field(lines, "flags")?.Split(' ').Contains("hypervisor") == true) parts.Add("virtual machine");
            return string.Join(", ", parts);
        }
        catch (IOException)
        {
            return Fallback();
        }
    }

    /// <summary>The value of the first "name : value" line.</summary>
    private static string? Field(string[] lines, string name) =>
        lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':')) is { } line ? line[(line.IndexOf(':') + 1)..].Trim() : null;

    private static string Fallback() => $"{RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}";
}
