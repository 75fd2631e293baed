using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Tokenizers.Benchmarks;

/// <summary>
/// The quick mode's Hugging Face rows: each tokenizer.json model the generator compiled, on the same corpora, beside
/// our cl100k_base on the same text, ML.Tokenizers' byte-level BpeTokenizer where it can load the model, and Hugging
/// Face's Rust core (@anush008/tokenizers in node, one call at a time, timed by hf-rust.js in the same run).
/// </summary>
public static partial class QuickRun
{
    private const string HfRust = "HF tokenizers (Rust)";

    private static void RunHuggingFace(string[] models)
    {
        string root = Corpora.RepoRoot() ?? throw new InvalidOperationException("Run from inside the checkout.");
        string modelsDir = Environment.GetEnvironmentVariable("TOKENIZERS_HF_MODELS") is { Length: > 0 } m ? m
            : Path.Combine(root, "tests", "huggingface", "obj", "models");
        string nodeModules = Environment.GetEnvironmentVariable("TOKENIZERS_HF_NODE_MODULES") is { Length: > 0 } n ? n
            : Path.Combine(root, "tests", "huggingface", "node_modules");
        string corpusDir = Path.Combine(Path.GetTempPath(), $"tokenizers-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(corpusDir);
        try
        {
            var files = new Dictionary<string, string>();
            foreach (string corpus in Corpora.Names)
            {
                files[corpus] = Path.Combine(corpusDir, corpus + ".txt");
                File.WriteAllText(files[corpus], Corpora.Get(corpus), new UTF8Encoding(false));
            }
            var cl100k = new OursLibrary("cl100k_base");
            foreach (string model in models)
            {
                string json = Path.Combine(modelsDir, model, "tokenizer.json");
                var ours = OursLibrary.ForModel(model);
                var ml = MlHuggingFaceLibrary.TryCreate(json, out string? whyNot);
                if (ml is null) Console.WriteLine($"// {model}: ML.Tokenizers cannot load it: {whyNot}");
                var hf = TimeHuggingFaceRust(json, nodeModules, Corpora.Names.Select(c => files[c]).ToArray());
                foreach (string corpus in Corpora.Names)
                {
                    string text = Corpora.Get(corpus);
                    double mb = Corpora.Utf8Bytes(text) / 1e6;
                    // Hugging Face matches every added token, special ones included: compare with that policy.
                    int count = ours.Tokenizer.CountTokens(text, SpecialTokenPolicy.All);
                    if (hf.TryGetValue(files[corpus], out var rust) && rust.Ids != count)
                        Console.WriteLine($"// {model} {corpus}: {HfRust} gives {rust.Ids} ids, we give {count} (SpecialTokenPolicy.All)");
                    if (ml is not null) Check(ours, ml, text, model, corpus);
                    var measured = hf.TryGetValue(files[corpus], out var r) ? new[] { (HfRust, r.Rate) } : [];
                    var others = new List<(string, Func<string, Action>)> { ("Tokenizers cl100k_base", t => () => cl100k.Count(t)) };
                    if (ml is not null) others.Add((ml.Name, t => () => ml.Count(t)));
                    Line(model, corpus, "CountTokens", mb, text, t => () => ours.Count(t), others, measuredElsewhere: measured);
                    others = [("Tokenizers cl100k_base", t => () => cl100k.Encode(t))];
                    if (ml is not null) others.Add((ml.Name, t => () => ml.Encode(t)));
                    Line(model, corpus, "EncodeToIds", mb, text, t => () => ours.Encode(t), others, measuredElsewhere: measured);
                }
            }
        }
        finally
        {
            Directory.Delete(corpusDir, recursive: true);
        }
    }

    /// <summary>Runs one case for <paramref name="seconds"/> and prints its MB/s: for a profiler.</summary>
    public static int Loop(string model, string corpus, string operation, double seconds)
    {
        var ours = model.Contains("_base", StringComparison.Ordinal) || model == "gpt2" ? new OursLibrary(model) : OursLibrary.ForModel(model);
        string text = Corpora.Get(corpus);
        Action run = operation switch
        {
            "CountTokens" => () => ours.Count(text),
            "EncodeToIds" => () => ours.Encode(text),
            _ => throw new ArgumentException($"Unknown operation '{operation}'."),
        };
        run();
        var sw = Stopwatch.StartNew();
        // This thread's CPU time too: on a shared machine the wall clock also counts the time others' work took.
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        int calls = 0;
        while (sw.Elapsed.TotalSeconds < seconds) { run(); calls++; }
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        double mb = Corpora.Utf8Bytes(text) / 1e6 * calls;
        Console.WriteLine(string.Create(Inv, $"{model} {corpus} {operation}: {mb / sw.Elapsed.TotalSeconds:0.0} MB/s ({mb / cpuSeconds:0.0} MB per CPU second)"));
        return 0;
    }

    /// <summary>MB/s and id count per corpus file, from hf-rust.js; empty (and a note) when node or the binding is missing.</summary>
    private static Dictionary<string, (double Rate, int Ids)> TimeHuggingFaceRust(string tokenizerJson, string nodeModules, string[] files)
    {
        var result = new Dictionary<string, (double, int)>();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hf-rust.js"));
        start.ArgumentList.Add(tokenizerJson);
        start.ArgumentList.Add(Math.Max(s_seconds, 1.0).ToString(Inv));
        foreach (string f in files) start.ArgumentList.Add(f);
        start.Environment["NODE_PATH"] = nodeModules;
        // One thread: Hugging Face parallelises only batches, but keep rayon to one thread regardless.
        start.Environment["RAYON_NUM_THREADS"] = "1";
        start.Environment["TOKENIZERS_PARALLELISM"] = "false";
        try
        {
            using var node = Process.Start(start)!;
            var error = node.StandardError.ReadToEndAsync();
            string? line;
            while ((line = node.StandardOutput.ReadLine()) is not null)
            {
                using var doc = JsonDocument.Parse(line);
                var e = doc.RootElement;
                result[e.GetProperty("file").GetString()!] = (e.GetProperty("mb_per_s").GetDouble(), e.GetProperty("ids").GetInt32());
            }
            node.WaitForExit();
            if (node.ExitCode != 0) Console.WriteLine($"// {HfRust}: node exited with {node.ExitCode}: {error.Result.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception x)
        {
            Console.WriteLine($"// {HfRust}: node did not start ({x.Message}); the column is left out");
        }
        return result;
    }
}
