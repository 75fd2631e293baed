using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace Tokenizers.Benchmarks;

/// <summary>
/// <c>--quick</c>: every case timed with a stopwatch (warm-up, then repeated calls for a fixed time), one line a case
/// with our MB/s, each other library's and the ratio, and a CSV of the same figures for the README's table and plot.
/// </summary>
public static partial class QuickRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static double s_seconds = 0.4;
    private static readonly List<string> Csv = ["encoding,corpus,operation,library,mb_per_s,bytes_per_call"];

    public static int Run(string[] args)
    {
        string? csvPath = Option(args, "--csv");
        if (Option(args, "--seconds") is { } s) s_seconds = double.Parse(s, Inv);
        string[] encodings = Option(args, "--encodings") is { } e ? (e == "none" ? [] : e.Split(',')) : ["cl100k_base", "o200k_base"];
        string[] models = Option(args, "--models") is { } m ? (m == "none" ? [] : m.Split(',')) : ["llama3", "qwen3", "deepseek_v3", "llama2", "gemma3"];
        var total = Stopwatch.StartNew();
        Console.WriteLine($"// Tokenizers quick benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, one thread unless stated; MB/s of UTF-8 input (Decode: of output)");
        Console.WriteLine($"// host: {HostDescription.Describe()}");
        foreach (string name in Corpora.Names)
            Console.WriteLine($"// {name,-13} {Corpora.Utf8Bytes(Corpora.Get(name)) / 1e6,5:0.00} MB  {Corpora.Describe(name)}");

        foreach (string encoding in encodings)
        {
            var ours = new OursLibrary(encoding);
            var others = new Library[] { Library.MlTokenizers(encoding), Library.SharpToken(encoding) };
            foreach (string corpus in Corpora.Names)
            {
                string text = Corpora.Get(corpus);
                double mb = Corpora.Utf8Bytes(text) / 1e6;
                int[] buffer = new int[text.Length + 16];
                foreach (var other in others) Check(ours, other, text, encoding, corpus);

                Line(encoding, corpus, "EncodeToIds", mb, text, t => () => ours.Encode(t), others.Select(o => (o.Name, Of(t => () => o.Encode(t)))));
                Line(encoding, corpus, "CountTokens", mb, text, t => () => ours.Count(t), others.Select(o => (o.Name, Of(t => () => o.Count(t)))));
                // Ours into a caller's buffer; theirs through their ReadOnlySpan<char> overloads, which return lists.
                Line(encoding, corpus, "EncodeToIds(span)", mb, text, t => () => ours.EncodeSpan(t, buffer),
                    others.Select(o => (o.Name, Of(t => () => o.EncodeSpan(t, buffer)))));
                // Decode: MB/s of the text it gives back.
                Line(encoding, corpus, "Decode", mb, text, t =>
                {
                    var ids = ours.Encode(t);
                    return () => ours.Decode(ids);
                }, others.Select(o => (o.Name, Of(t =>
                {
                    var ids = o.Encode(t);
                    return () => o.Decode(ids);
                }))));
            }

            // Many short texts: ours through EncodeBatch, the others through Parallel.For, all on every core.
            string[] texts = Corpora.ShortTexts(10_000);
            double batchMb = texts.Sum(Corpora.Utf8Bytes) / 1e6;
            Line(encoding, "10k-lines", $"EncodeBatch({Environment.ProcessorCount} cores)", batchMb, null, _ => () => ours.EncodeBatch(texts),
                others.Select(o => (o.Name, Of(_ => () => o.EncodeBatch(texts)))));
            Line(encoding, "10k-lines", "EncodeToIds loop (1 core)", batchMb, null, _ => () => { foreach (string t in texts) ours.Encode(t); }, []);

            // The worst case: one piece of random letters. The others are quadratic, so they get 100k only.
            foreach (int n in new[] { 100_000, 1_000_000 })
            {
                string letters = Corpora.Get($"letters-{n}");
                var theirs = n <= 100_000 ? others.Select(o => (o.Name, Of(t => () => o.Count(t)))) : [];
                Line(encoding, $"letters-{n / 1000}k", "CountTokens", n / 1e6, letters, t => () => ours.Count(t), theirs, once: true);
            }
        }
        // Special tokens allowed in a 10 MB text with <|endoftext|> every ~1,000 chars: linear, as without them (issue 12 §4).
        if (encodings.Contains("cl100k_base"))
        {
            string specials = Corpora.Get("specials-10000000");
            var cl100k = Instances.Ours("cl100k_base").Tokenizer;
            double mb = Corpora.Utf8Bytes(specials) / 1e6;
            Line("cl100k_base", "specials-10M", "CountTokens", mb, specials, t => () => cl100k.CountTokens(t), [], once: true);
            Line("cl100k_base", "specials-10M", "CountTokens(All)", mb, specials, t => () => cl100k.CountTokens(t.AsSpan(), SpecialTokenPolicy.All), [], once: true);
        }
        if (models.Length > 0) RunHuggingFace(models);
        Console.WriteLine($"// quick run took {total.Elapsed.TotalSeconds:0} s");
        if (csvPath is not null)
        {
            File.WriteAllLines(csvPath, Csv);
            Console.WriteLine($"// figures written to {Path.GetFullPath(csvPath)}");
        }
        return 0;
    }

    private static Func<string, Action> Of(Func<string, Action> make) => make;

    private static bool s_astralNote;

    private static void Check(OursLibrary ours, Library other, string text, string encoding, string corpus)
    {
        var a = ours.Encode(text);
        var b = other.Encode(text);
        if (a.SequenceEqual(b)) return;
        Console.WriteLine($"// {encoding} {corpus}: {ours.Name} and {other.Name} differ ({a.Count} vs {b.Count} ids)");
        if (s_astralNote) return;
        s_astralNote = true;
        Console.WriteLine("//   (both others split with .NET's Regex, which sees a character above U+FFFF as two surrogates in no letter or");
        Console.WriteLine("//   digit class; tiktoken's Rust regex, and our scanners, see one code point. Our ids are tiktoken's.)");
    }

    /// <summary>
    /// Times one case for us and each other library. <paramref name="make"/> builds the call for an input; each call is
    /// first warmed up on a 4,000-char slice, hundreds of times, so that tiered JIT has promoted the hot methods to
    /// optimized code before the full input is timed (else a method called once per input would be timed unoptimized).
    /// </summary>
    private static void Line(string encoding, string corpus, string operation, double mb, string? text, Func<string, Action> make,
        IEnumerable<(string Name, Func<string, Action> Make)> others, bool once = false)
    {
        var rows = new List<(string Name, double Rate, double Bytes, double Seconds)>();
        foreach (var (name, makeOne) in others.Prepend(("Tokenizers", make)))
        {
            var (seconds, bytes) = Time(text, makeOne, once);
            rows.Add((name, mb / seconds, bytes, once ? seconds : double.NaN));
        }
        Print(encoding, corpus, operation, rows);
    }

    /// <summary>
    /// Records one case and prints it on one line: ours first (its bytes a call for the allocation-free operations),
    /// then each other library and our ratio to it; with a call's seconds where they are given (the once-only cases).
    /// </summary>
    private static void Print(string encoding, string corpus, string operation, List<(string Name, double Rate, double Bytes, double Seconds)> rows)
    {
        var (_, oursRate, oursBytes, oursSeconds) = rows[0];
        var sb = new StringBuilder();
        sb.Append(Inv, $"{encoding,-11} {corpus,-13} {operation,-26} ours {Rate(oursRate)}");
        if (operation.StartsWith("CountTokens", StringComparison.Ordinal) || operation.Contains("span"))
            sb.Append(Inv, $" ({oursBytes:0} B/call)");
        if (!double.IsNaN(oursSeconds)) sb.Append(Inv, $" ({oursSeconds:0.000} s)");
        for (int i = 0; i < rows.Count; i++)
        {
            var (name, rate, bytes, seconds) = rows[i];
            Record(encoding, corpus, operation, name, rate, bytes);
            if (i == 0) continue;
            sb.Append(Inv, $" | {name} {Rate(rate)} → {oursRate / rate,5:0.0}×");
            if (!double.IsNaN(seconds)) sb.Append(Inv, $" ({seconds:0.000} s)");
        }
        Console.WriteLine(sb.ToString());
    }

    private static string Rate(double mbPerSecond) => mbPerSecond.ToString(mbPerSecond < 10 ? "0.00" : "0.0", Inv).PadLeft(6) + " MB/s";

    private static void Record(string encoding, string corpus, string operation, string library, double rate, double bytes)
        => Csv.Add(string.Join(',', encoding, corpus, operation.Replace(',', ';'), library, rate.ToString("0.###", Inv), bytes.ToString("0", Inv)));

    /// <summary>Seconds a call and bytes allocated a call; <paramref name="warmSlice"/>: first warm the call up on a slice (see <see cref="Line"/>).</summary>
    private static (double Seconds, double Bytes) Time(string? text, Func<string, Action> make, bool once, bool warmSlice = true)
    {
        if (!once && text is not null && warmSlice)
        {
            Action small = make(text.Length > 4000 ? text[..4000] : text);
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 300 && warm.Elapsed.TotalSeconds < 1; i++) small();
            Thread.Sleep(150); // tiered JIT compiles in the background
            for (int i = 0; i < 100 && warm.Elapsed.TotalSeconds < 1.5; i++) small();
        }
        Action run = make(text ?? "");
        var sw = Stopwatch.StartNew();
        int calls = 0;
        // Batch cases (no single input) also warm the thread pool up to one thread a core.
        double warmUp = text is null ? Math.Max(s_seconds, 0.6) : s_seconds / 2;
        do { run(); calls++; } while (!once && (sw.Elapsed.TotalSeconds < warmUp || calls < 3));
        if (once && sw.Elapsed.TotalSeconds > 2) return (sw.Elapsed.TotalSeconds, double.NaN); // too slow to repeat
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        sw.Restart();
        calls = 0;
        do { run(); calls++; } while (sw.Elapsed.TotalSeconds < s_seconds || (once && calls < 3));
        double seconds = sw.Elapsed.TotalSeconds / calls;
        return (seconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)calls);
    }

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
