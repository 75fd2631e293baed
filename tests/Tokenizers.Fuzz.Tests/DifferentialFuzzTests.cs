using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// All five encodings against the real tiktoken core (npm <c>tiktoken</c> 1.0.22) on at least 100,000 random strings
/// a run: <c>encode_ordinary</c> for every string and encoding, and <c>encode(allowed_special="all")</c> and
/// <c>encode()</c> (special-token text is an error) for every string that contains special-token text and for one
/// string in fifty besides. The seed changes every run and is printed; <c>TOKENIZERS_FUZZ_SEED</c> repeats a run and
/// <c>TOKENIZERS_FUZZ_STRINGS</c> changes the count. Each mismatch is shrunk to a minimal reproducer.
/// </summary>
public class DifferentialFuzzTests
{
    private const int DefaultStrings = 100_000;
    private const int MaxReported = 8;

    [Fact]
    public void EveryEncodingMatchesTiktokenOnRandomStrings()
    {
        int seed = FuzzSettings.Seed();
        var report = Compare(seed, FuzzSettings.Strings(DefaultStrings), loneSurrogates: false);
        Assert.True(report.Mismatches == 0, report.Describe());
    }

    /// <summary>
    /// Lone surrogates: tiktoken's JS and Python bindings turn a string into UTF-8 with U+FFFD for each lone surrogate;
    /// so do we. Strings here mix lone, reversed and split surrogates into the usual fragments.
    /// </summary>
    [Fact]
    public void LoneSurrogatesMatchTiktoken()
    {
        int seed = FuzzSettings.Seed();
        var report = Compare(seed ^ 0x5A5A5A5, Math.Max(1, FuzzSettings.Strings(DefaultStrings) / 20), loneSurrogates: true);
        Assert.True(report.Mismatches == 0, report.Describe());
    }

    /// <summary>
    /// Every scalar value of the planes Unicode assigns (0 to 3 and 14; a block of the unassigned plane 4 and of the
    /// private-use planes 15 and 16), each between letters, digits and spaces of both cases, so that a code point the
    /// two sides class differently (letter, number, case, mark, white space: Unicode versions differ) changes the
    /// pieces. The three patterns (gpt2, cl100k, o200k) are what classify; the other encodings share them.
    /// </summary>
    [Fact]
    public void EveryCodePointMatchesTiktoken()
    {
        const int PerString = 64;
        var requests = new List<OracleRequest>();
        var sb = new StringBuilder();
        string[] encodings = ["gpt2", "cl100k_base", "o200k_base"];
        IEnumerable<int> blocks = Enumerable.Range(0, 0x40000).Concat(Enumerable.Range(0xE0000, 0x10000))
            .Concat(Enumerable.Range(0x40000, 0x1000)).Concat(Enumerable.Range(0xF0000, 0x1000)).Concat(Enumerable.Range(0x10F000, 0x1000))
            .Where(cp => cp % PerString == 0);
        foreach (int first in blocks)
        {
            sb.Clear();
            for (int cp = first; cp < first + PerString; cp++)
            {
                if (cp is >= 0xD800 and <= 0xDFFF) continue;
                string s = char.ConvertFromUtf32(cp);
                sb.Append('a').Append(s).Append('A').Append(s).Append('1').Append(s).Append(' ').Append(s);
            }
            if (sb.Length == 0) continue;
            requests.Add(new OracleRequest(sb.ToString(), encodings.Select(e => (e, OracleMode.Ordinary)).ToList()));
        }
        var failures = new List<string>();
        TiktokenOracle.RunParallel(requests, (i, answers) =>
        {
            for (int k = 0; k < answers.Length; k++)
            {
                string encoding = requests[i].Queries[k].Encoding;
                if (!Differential.Same(Differential.Ours(requests[i].Text, encoding, OracleMode.Ordinary), answers[k]))
                    lock (failures) if (failures.Count < 50) failures.Add($"{encoding}: block {i}");
            }
        });
        foreach (string f in failures.Take(MaxReported).ToList())
        {
            var parts = f.Split(": block ");
            int block = int.Parse(parts[1], CultureInfo.InvariantCulture);
            string minimal = Differential.Shrink(TiktokenOracle.Shared, requests[block].Text, parts[0], OracleMode.Ordinary);
            failures.Add($"  {parts[0]}: {Differential.Literal(minimal)} ours {Differential.Ours(minimal, parts[0], OracleMode.Ordinary)} "
                + $"tiktoken {TiktokenOracle.Shared.Query(minimal, parts[0], OracleMode.Ordinary)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static readonly string[] s_loneSurrogates =
    [
        "\uD800", "\uDFFF", "a\uD800b", "\uDC00\uD800", "x\uD83Dy\uDE00z", "\uD83D", " \uD83D\uD83D\uDE00 ", "'\uD800s",
        "<|endoftext|>\uDBFF", "\uD800\uD800\uD800", "a \uDC00 b", "12\uD800" + "34",
    ];

    public static TheoryData<int> LoneSurrogateCases => new(Enumerable.Range(0, s_loneSurrogates.Length));

    /// <summary>Indexed, because xunit's test ids cannot tell strings with different lone surrogates apart.</summary>
    [Theory]
    [MemberData(nameof(LoneSurrogateCases))]
    public void LoneSurrogateIsReplacementCharacterAsInTiktoken(int index)
    {
        string text = s_loneSurrogates[index];
        string replaced = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        Assert.Contains('\uFFFD', replaced);
        foreach (string encoding in Differential.Encodings)
        {
            foreach (OracleMode mode in new[] { OracleMode.Ordinary, OracleMode.All })
            {
                OracleResult theirs = TiktokenOracle.Shared.Query(text, encoding, mode);
                Assert.Equal(theirs.ToString(), Differential.Ours(text, encoding, mode).ToString());
                Assert.Equal(theirs.ToString(), Differential.Ours(replaced, encoding, mode).ToString());
            }
        }
    }

    private static FuzzReport Compare(int seed, int strings, bool loneSurrogates)
    {
        var clock = Stopwatch.StartNew();
        var generator = new FuzzText(seed);
        var requests = new List<OracleRequest>(strings);
        for (int i = 0; i < strings; i++)
        {
            string text = generator.Next(loneSurrogates);
            Assert.True(text.Length < 999_999, "tiktoken's WASM build hits its regex backtracking limit at 999,999 letters");
            bool special = text.Contains("<|", StringComparison.Ordinal) || i % 50 == 0;
            var queries = new List<(string, OracleMode)>(15);
            foreach (string encoding in Differential.Encodings)
            {
                queries.Add((encoding, OracleMode.Ordinary));
                if (special)
                {
                    queries.Add((encoding, OracleMode.All));
                    queries.Add((encoding, OracleMode.Disallow));
                }
            }
            requests.Add(new OracleRequest(text, queries));
        }

        var report = new FuzzReport(seed, strings, "tiktoken 1.0.22");
        var mismatches = new List<(string Text, string Encoding, OracleMode Mode)>();
        TiktokenOracle oracle = TiktokenOracle.Shared;
        long ourTicks = 0;
        TiktokenOracle.RunParallel(requests, (i, answers) =>
        {
            long started = Stopwatch.GetTimestamp();
            OracleRequest request = requests[i];
            long chars = 0, bad = 0;
            for (int k = 0; k < answers.Length; k++)
            {
                var (encoding, mode) = request.Queries[k];
                chars += request.Text.Length;
                if (Differential.Same(Differential.Ours(request.Text, encoding, mode), answers[k])) continue;
                bad++;
                lock (mismatches)
                    if (mismatches.Count < 10_000) mismatches.Add((request.Text, encoding, mode));
            }
            lock (report)
            {
                report.Comparisons += answers.Length;
                report.Chars += chars;
                report.Mismatches += bad;
            }
            Interlocked.Add(ref ourTicks, Stopwatch.GetTimestamp() - started);
        });
        report.OurTime = Stopwatch.GetElapsedTime(0, ourTicks);
        report.CompareTime = clock.Elapsed;

        // One reproducer per (encoding, mode) first, then more, up to MaxReported.
        var reported = new HashSet<(string, string, OracleMode)>();
        foreach (var m in mismatches.DistinctBy(m => (m.Encoding, m.Mode)).Concat(mismatches).Distinct().Take(MaxReported * 4))
        {
            if (reported.Count == MaxReported) break;
            string minimal = Differential.Shrink(oracle, m.Text, m.Encoding, m.Mode);
            if (!reported.Add((minimal, m.Encoding, m.Mode))) continue;
            report.Reproducers.Add(
                $"{m.Encoding} {m.Mode}: {Differential.Literal(minimal)} (shrunk from {m.Text.Length} chars)\n"
                + $"    ours:     {Differential.Ours(minimal, m.Encoding, m.Mode)}\n"
                + $"    tiktoken: {oracle.Query(minimal, m.Encoding, m.Mode)}");
        }
        report.TotalTime = clock.Elapsed;
        report.Publish();
        return report;
    }
}
