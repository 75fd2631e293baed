using System;
using System.IO;
using System.Linq;

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
            string? model = Field(lines, "model name"), mhz = Field(lines, "cpu MHz"), cache = Field(lines, "cache size");
            string hypervisor = Field(lines, "flags")?.Split(' ').Contains("hypervisor") == true ? ", virtual machine" : "";
            return $"{model ?? Fallback()}{(mhz is null ? "" : $", {double.Parse(mhz, System.Globalization.CultureInfo.InvariantCulture):0} MHz")}{(cache is null ? "" : $", last-level cache {cache}")}{hypervisor}";
        }
        catch (IOException)
        {
            return Fallback();
        }
    }

    private static string? Field(string[] lines, string name) =>
        lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':')) is { } line ? line[(line.IndexOf(':') + 1)..].Trim() : null;

    private static string Fallback() => $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription} {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}";
}
