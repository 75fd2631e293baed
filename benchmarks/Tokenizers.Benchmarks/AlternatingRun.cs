using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Tokenizers.Benchmarks;

/// <summary>
/// Two builds compared in short alternating slices (<c>--compare A.dll B.dll ...</c>): each build's benchmark runs as
/// a child that serves slices on request (<c>--serve</c>). Only one runs at a time, both stay warm, and each slice of
/// one is paired with the next of the other, in A B B A rounds, so that the machine's drift (one run of a few seconds
/// moves by ±10% against the next on a shared virtual machine) falls on both alike. A process also differs from the
/// next by a few percent on its own, so the pair of children is started several times.
/// </summary>
public static class AlternatingRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A case to time: the text's UTF-8 size and one pass over it.</summary>
    public static (Action Run, long Bytes) Case(string model, string corpus, string operation)
    {
        var ours = model.Contains("_base", StringComparison.Ordinal) || model == "gpt2" ? new OursLibrary(model) : OursLibrary.ForModel(model);
        string text = Corpora.Get(corpus);
        Action run = operation switch
        {
            "CountTokens" => () => ours.Count(text),
            "EncodeToIds" => () => ours.Encode(text),
            _ => throw new ArgumentException($"Unknown operation '{operation}'."),
        };
        return (run, Corpora.Utf8Bytes(text));
    }

    /// <summary>
    /// Passes over the text for <paramref name="seconds"/> (one at least): MB per CPU second of this process, and
    /// <paramref name="perSecond"/> MB per second of the wall clock.
    /// </summary>
    public static double Slice(Action run, long bytes, double seconds, out double perSecond)
    {
        var sw = Stopwatch.StartNew();
        // This process's CPU time: on a shared machine the wall clock also counts the time others' work took.
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        int calls = 0;
        while (calls == 0 || sw.Elapsed.TotalSeconds < seconds)
        {
            run();
            calls++;
        }
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        perSecond = bytes / 1e6 * calls / sw.Elapsed.TotalSeconds;
        return bytes / 1e6 * calls / Math.Max(cpuSeconds, 1e-3);
    }

    /// <summary>The child's side: a line with a number of seconds runs a slice and answers its MB per CPU second.</summary>
    public static int Serve(string model, string corpus, string operation)
    {
        var (run, bytes) = Case(model, corpus, operation);
        run();
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line && double.TryParse(line, NumberStyles.Float, Inv, out double seconds))
            Console.WriteLine(Slice(run, bytes, seconds, out _).ToString("R", Inv));
        return 0;
    }

    /// <summary>
    /// The build of <paramref name="candidateDll"/> (B) against that of <paramref name="baseDll"/> (A): both started as
    /// children <paramref name="processes"/> times, <paramref name="rounds"/> rounds each time; prints the median ratio
    /// B / A over all rounds, its quartiles, each side's mean, and each pair of processes' median. Fresh processes
    /// each time, because one process differs from the next by several percent on its own (its pages, its code).
    /// <paramref name="model"/> may name two models, "A,B": each side runs its own on the same text.
    /// </summary>
    public static int Compare(string baseDll, string candidateDll, string model, string corpus, string operation, double seconds, int rounds, int processes)
    {
        var ratios = new List<double>();
        var perPair = new List<string>();
        double sumA = 0, sumB = 0;
        // "cl100k_base,llama3": two models on the same text (the same build twice, say), B's against A's.
        string[] models = model.Split(',');
        string modelA = models[0], modelB = models[^1];
        for (int p = 0; p < processes; p++)
        {
            using var a = new SliceServer(baseDll, modelA, corpus, operation);
            using var b = new SliceServer(candidateDll, modelB, corpus, operation);
            // Warm-up: both sides reach their final code before any slice counts.
            for (int i = 0; i < 4; i++)
            {
                a.Slice(seconds);
                b.Slice(seconds);
            }
            var pair = new List<double>();
            for (int r = 0; r < rounds; r++)
            {
                // A B B A in even rounds, B A A B in odd ones.
                var (first, second) = r % 2 == 0 ? (a, b) : (b, a);
                double f1 = first.Slice(seconds), s1 = second.Slice(seconds), s2 = second.Slice(seconds), f2 = first.Slice(seconds);
                double sa = first == a ? f1 + f2 : s1 + s2, sb = first == a ? s1 + s2 : f1 + f2;
                pair.Add(sb / sa);
                sumA += sa;
                sumB += sb;
            }
            pair.Sort();
            perPair.Add(pair[rounds / 2].ToString("0.000", Inv));
            ratios.AddRange(pair);
        }
        ratios.Sort();
        int n = ratios.Count;
        Console.WriteLine(string.Create(Inv,
            $"{model} {corpus} {operation}: B / A median {ratios[n / 2]:0.000} (quartiles {ratios[n / 4]:0.000}–{ratios[3 * n / 4]:0.000}; per pair of processes {string.Join(", ", perPair)}); means {sumB / (2 * n):0.0} / {sumA / (2 * n):0.0} MB per CPU second"));
        return 0;
    }

    /// <summary>A child benchmark process that runs slices on request (<see cref="Serve"/>).</summary>
    private sealed class SliceServer : IDisposable
    {
        private readonly Process _process;
        private readonly string _dll;

        public SliceServer(string dll, string model, string corpus, string operation)
        {
            _dll = dll;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string arg in new[] { Path.GetFullPath(dll), "--serve", model, corpus, operation }) start.ArgumentList.Add(arg);
            _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
            if (_process.StandardOutput.ReadLine() != "ready") throw new InvalidOperationException($"{dll} does not serve slices (--serve).");
        }

        /// <summary>One slice of <paramref name="seconds"/>: the child's MB per CPU second.</summary>
        public double Slice(double seconds)
        {
            _process.StandardInput.WriteLine(seconds.ToString("R", Inv));
            string answer = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{_dll} stopped.");
            return double.Parse(answer, Inv);
        }

        public void Dispose()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
            _process.Dispose();
        }
    }
}
