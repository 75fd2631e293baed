using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Tokenizers.Benchmarks;

/// <summary>
/// Hugging Face's Rust core in a node process (hf-rust.js, @anush008/tokenizers) that times one corpus file on request,
/// so that the quick mode can alternate its timings with ours on the same text.
/// </summary>
internal sealed class HuggingFaceRustProcess : IDisposable
{
    private readonly Process _node;

    private HuggingFaceRustProcess(Process node) => _node = node;

    /// <summary>The process for one tokenizer.json; null (and a note on the console) when node cannot start.</summary>
    public static HuggingFaceRustProcess? Start(string tokenizerJson, string nodeModules, string label)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hf-rust.js"));
        start.ArgumentList.Add(tokenizerJson);
        start.Environment["NODE_PATH"] = nodeModules;
        // One thread: Hugging Face parallelises only batches, but keep rayon to one thread regardless.
        start.Environment["RAYON_NUM_THREADS"] = "1";
        start.Environment["TOKENIZERS_PARALLELISM"] = "false";
        try
        {
            return new HuggingFaceRustProcess(Process.Start(start)!);
        }
        catch (System.ComponentModel.Win32Exception x)
        {
            Console.WriteLine($"// {label}: node did not start ({x.Message}); the column is left out");
            return null;
        }
    }

    /// <summary>MB/s and the id count of encoding <paramref name="file"/> whole, calls repeated for <paramref name="seconds"/>; null when the process failed.</summary>
    public (double Rate, int Ids)? Time(string file, double seconds)
    {
        if (_node.HasExited) return null;
        _node.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds} {file}"));
        _node.StandardInput.Flush();
        string? line = _node.StandardOutput.ReadLine();
        if (line is null)
        {
            Console.WriteLine($"// HF tokenizers (Rust): node exited: {_node.StandardError.ReadToEnd().Trim()}");
            return null;
        }
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        return (e.GetProperty("mb_per_s").GetDouble(), e.GetProperty("ids").GetInt32());
    }

    public void Dispose()
    {
        try
        {
            _node.StandardInput.Close();
            if (!_node.WaitForExit(10_000)) _node.Kill();
        }
        finally
        {
            _node.Dispose();
        }
    }
}
