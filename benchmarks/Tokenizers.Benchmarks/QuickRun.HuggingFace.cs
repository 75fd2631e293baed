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
/// Face's Rust core (@anush008/tokenizers in node, one call at a time, timed by hf-rust.js in rounds that alternate
/// with ours).
/// </summary>
public static partial class QuickRun
{
    private const string HfRust = "HF tokenizers (Rust)";

    /// <summary>Where the build installed the tokenizer.json files: <c>TOKENIZERS_HF_MODELS</c>, else the checkout's.</summary>
    internal static string ModelsDirectory() =>
        Environment.GetEnvironmentVariable("TOKENIZERS_HF_MODELS") is { Length: > 0 } m ? m
            : Path.Combine(Corpora.RepoRoot() ?? throw new InvalidOperationException("Run from inside the checkout."),
                "tests", "huggingface", "obj", "models");

    private static void RunHuggingFace(string[] models)
    {
        string root = Corpora.RepoRoot() ?? throw new InvalidOperationException("Run from inside the checkout.");
        string modelsDir = ModelsDirectory();
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
                using var hf = HuggingFaceRustProcess.Start(json, nodeModules, HfRust);
                foreach (string corpus in Corpora.Names)
                {
                    string text = Corpora.Get(corpus);
                    double mb = Corpora.Utf8Bytes(text) / 1e6;
                    if (ml is not null) Check(ours, ml, text, model, corpus);
                    var cases = new List<(string Operation, string Library, Func<string, Action> Make)>
                    {
                        ("CountTokens", "Tokenizers", t => () => ours.Count(t)),
                        ("CountTokens", "Tokenizers cl100k_base", t => () => cl100k.Count(t)),
                        ("EncodeToIds", "Tokenizers", t => () => ours.Encode(t)),
                        ("EncodeToIds", "Tokenizers cl100k_base", t => () => cl100k.Encode(t)),
                    };
                    var times = cases.Select(_ => new List<(double Rate, double Bytes)>()).ToArray();
                    var hfRates = new List<double>();
                    // Rounds of Hugging Face's call, then each of ours right after it on the same text, so that a
                    // change in the machine's load falls on both sides; each figure is the median of its rounds.
                    for (int round = 0; round < HfRounds; round++)
                    {
                        if (hf?.Time(files[corpus], Math.Max(s_seconds, 1.0)) is var (rate, ids))
                        {
                            hfRates.Add(rate);
                            // Hugging Face matches every added token, special ones included: compare with that policy.
                            if (round == 0 && ours.Tokenizer.CountTokens(text, SpecialTokenPolicy.All) is var count && ids != count)
                                Console.WriteLine($"// {model} {corpus}: {HfRust} gives {ids} ids, we give {count} (SpecialTokenPolicy.All)");
                        }
                        for (int c = 0; c < cases.Count; c++)
                        {
                            var (seconds, bytes) = Time(text, cases[c].Make, once: false, warmSlice: round == 0);
                            times[c].Add((mb / seconds, bytes));
                        }
                    }
                    var hfRate = hfRates.Count > 0 ? Median(hfRates) : (double?)null;
                    foreach (string operation in new[] { "CountTokens", "EncodeToIds" })
                    {
                        var rows = new List<(string Name, double Rate, double Bytes, double Seconds)>();
                        for (int c = 0; c < cases.Count; c++)
                            if (cases[c].Operation == operation)
                                rows.Add((cases[c].Library, Median(times[c].Select(t => t.Rate).ToList()), times[c][^1].Bytes, double.NaN));
                        // ML.Tokenizers once: far slower than both, and no goal is set against it.
                        if (ml is not null)
                        {
                            var (seconds, bytes) = Time(text, operation == "CountTokens" ? t => () => ml.Count(t) : t => () => ml.Encode(t), once: false);
                            rows.Add((ml.Name, mb / seconds, bytes, double.NaN));
                        }
                        if (hfRate is double r) rows.Add((HfRust, r, double.NaN, double.NaN));
                        Print(model, corpus, operation, rows);
                    }
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
        var (run, bytes) = AlternatingRun.Case(model, corpus, operation);
        run();
        double perCpuSecond = AlternatingRun.Slice(run, bytes, seconds, out double perSecond);
        Console.WriteLine(string.Create(Inv, $"{model} {corpus} {operation}: {perSecond:0.0} MB/s ({perCpuSecond:0.0} MB per CPU second)"));
        return 0;
    }

    /// <summary>Rounds a Hugging Face row is measured in (see <see cref="RunHuggingFace"/>).</summary>
    private const int HfRounds = 3;

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
