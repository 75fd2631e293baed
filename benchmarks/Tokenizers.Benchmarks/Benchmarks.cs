using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tokenizers.Benchmarks;

/// <summary>In-process (no child project to rebuild the 11 MB of tables), short runs, MemoryDiagnoser, MB/s.</summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(8).WithId("InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn());
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>MB/s of UTF-8 input, from the case's Corpus parameter (or the benchmark's declared input size).</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => "MBps";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Megabytes of UTF-8 input per second";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        double? ns = report?.ResultStatistics?.Mean;
        long bytes = InputBytes(benchmarkCase);
        return ns is null || bytes <= 0 ? "-" : (bytes / 1e6 / (ns.Value / 1e9)).ToString("0.0");
    }

    private static long InputBytes(BenchmarkCase c)
    {
        var p = c.Parameters;
        if (p.Items.Any(i => i.Name == "Corpus")) return Corpora.Utf8Bytes(Corpora.Get((string)p["Corpus"]));
        if (p.Items.Any(i => i.Name == "Length")) return (int)p["Length"];
        if (c.Descriptor.Type == typeof(BatchBenchmarks)) return BatchBenchmarks.Texts.Sum(Corpora.Utf8Bytes);
        if (c.Descriptor.Type == typeof(AllocationBenchmarks)) return Corpora.Names.Sum(n => Corpora.Utf8Bytes(Corpora.Get(n).Substring(5000, 750)));
        return 0;
    }
}

internal static class Instances
{
    private static readonly ConcurrentDictionary<string, Library[]> Cache = new();
    public static OursLibrary Ours(string encoding) => (OursLibrary)Get(encoding)[0];
    public static MlLibrary Ml(string encoding) => (MlLibrary)Get(encoding)[1];
    public static SharpTokenLibrary Sharp(string encoding) => (SharpTokenLibrary)Get(encoding)[2];
    private static Library[] Get(string encoding) => Cache.GetOrAdd(encoding, Library.All);
}

/// <summary>Every library on every corpus: EncodeToIds, the span overload, CountTokens and Decode.</summary>
[Config(typeof(BenchConfig))]
[CategoriesColumn]
public class EncodeBenchmarks
{
    [Params("cl100k_base", "o200k_base")] public string Encoding = "";
    [Params(Corpora.Prose, Corpora.Unique, Corpora.Code, Corpora.Multilingual)] public string Corpus = "";

    private string _text = "";
    private int[] _buffer = [];
    private IReadOnlyList<int> _ids = [], _mlIds = [], _sharpIds = [];
    private OursLibrary _ours = null!;
    private MlLibrary _ml = null!;
    private SharpTokenLibrary _sharp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpora.Get(Corpus);
        _ours = Instances.Ours(Encoding);
        _ml = Instances.Ml(Encoding);
        _sharp = Instances.Sharp(Encoding);
        _buffer = new int[_text.Length + 16];
        _ids = _ours.Encode(_text);
        _mlIds = _ml.Encode(_text);
        _sharpIds = _sharp.Encode(_text);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("EncodeToIds")] public int Ours_EncodeToIds() => _ours.Tokenizer.EncodeToIds(_text).Count;
    [Benchmark, BenchmarkCategory("EncodeToIds")] public int ML_EncodeToIds() => _ml.Tokenizer.EncodeToIds(_text).Count;
    [Benchmark, BenchmarkCategory("EncodeToIds")] public int SharpToken_Encode() => _sharp.Encoding.Encode(_text).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("EncodeToIds(span)")] public int Ours_EncodeToIds_Span() => _ours.EncodeSpan(_text, _buffer);
    [Benchmark, BenchmarkCategory("EncodeToIds(span)")] public int ML_EncodeToIds_Span() => _ml.Tokenizer.EncodeToIds(_text.AsSpan()).Count;
    [Benchmark, BenchmarkCategory("EncodeToIds(span)")] public int SharpToken_Encode_Span() => _sharp.Encoding.Encode(_text.AsSpan()).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("CountTokens")] public int Ours_CountTokens() => _ours.Tokenizer.CountTokens(_text);
    [Benchmark, BenchmarkCategory("CountTokens")] public int ML_CountTokens() => _ml.Tokenizer.CountTokens(_text);
    [Benchmark, BenchmarkCategory("CountTokens")] public int SharpToken_CountTokens() => _sharp.Encoding.CountTokens(_text);

    [Benchmark(Baseline = true), BenchmarkCategory("Decode")] public int Ours_Decode() => _ours.Tokenizer.Decode(_ids).Length;
    [Benchmark, BenchmarkCategory("Decode")] public int ML_Decode() => _ml.Tokenizer.Decode(_mlIds)!.Length;
    [Benchmark, BenchmarkCategory("Decode")] public int SharpToken_Decode() => _sharp.Encoding.Decode(_sharpIds).Length;
}

/// <summary>10,000 short texts (lines of the prose corpus) on every core: our EncodeBatch, the others through Parallel.For.</summary>
[Config(typeof(BenchConfig))]
public class BatchBenchmarks
{
    public static readonly string[] Texts = Corpora.ShortTexts(10_000);

    [Params("cl100k_base", "o200k_base")] public string Encoding = "";

    [GlobalSetup] public void Setup() { Instances.Ours(Encoding); }

    [Benchmark(Baseline = true)] public int Ours_EncodeBatch() => Instances.Ours(Encoding).Tokenizer.EncodeBatch(Texts).Length;
    [Benchmark] public int Ours_Loop_OneCore() { int n = 0; var t = Instances.Ours(Encoding).Tokenizer; foreach (string s in Texts) n += t.EncodeToIds(s).Count; return n; }
    [Benchmark] public int ML_ParallelFor() => Instances.Ml(Encoding).EncodeBatch(Texts).Length;
    [Benchmark] public int SharpToken_ParallelFor() => Instances.Sharp(Encoding).EncodeBatch(Texts).Length;
}

/// <summary>The worst case, one piece of random letters: ours at 100k and 1M letters.</summary>
[Config(typeof(BenchConfig))]
public class WorstCaseBenchmarks
{
    [Params("cl100k_base", "o200k_base")] public string Encoding = "";
    [Params(100_000, 1_000_000)] public int Length;
    private string _text = "";

    [GlobalSetup] public void Setup() => _text = Corpora.Get($"letters-{Length}");

    [Benchmark] public int Ours_CountTokens() => Instances.Ours(Encoding).Tokenizer.CountTokens(_text);
}

/// <summary>
/// Issue 12 §4: a 10 MB text with &lt;|endoftext|&gt; every ~1,000 chars, special tokens allowed against not: the
/// search for the four absent special tokens is not repeated at every hit, so both are linear.
/// </summary>
[Config(typeof(BenchConfig))]
public class SpecialTokenBenchmarks
{
    [Params(10_000_000)] public int Length;
    private string _text = "";
    private ITokenizer _cl100k = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpora.Get($"specials-{Length}");
        _cl100k = Instances.Ours("cl100k_base").Tokenizer;
    }

    [Benchmark(Baseline = true)] public int Ours_CountTokens_None() => _cl100k.CountTokens(_text);
    [Benchmark] public int Ours_CountTokens_All() => _cl100k.CountTokens(_text.AsSpan(), SpecialTokenPolicy.All);
}

[WarmupCount(1), IterationCount(3), InvocationCount(1)]
/// <summary>The others on 100k letters only (they are quadratic: 1M letters takes them minutes); one call an iteration.</summary>
[Config(typeof(BenchConfig))]
public class WorstCaseOthersBenchmarks
{
    [Params("cl100k_base", "o200k_base")] public string Encoding = "";
    [Params(100_000)] public int Length;
    private string _text = "";

    [GlobalSetup] public void Setup() => _text = Corpora.Get($"letters-{Length}");

    [Benchmark(Baseline = true)] public int Ours_CountTokens() => Instances.Ours(Encoding).Tokenizer.CountTokens(_text);
    [Benchmark] public int ML_CountTokens() => Instances.Ml(Encoding).Tokenizer.CountTokens(_text);
    [Benchmark] public int SharpToken_CountTokens() => Instances.Sharp(Encoding).Encoding.CountTokens(_text);
}

/// <summary>
/// Allocation per call of the allocation-free entry points, on a 3 KB mixed paragraph: short calls, so that the
/// MemoryDiagnoser's process-wide count is not charged with what the runtime's own threads allocate during a long call.
/// </summary>
[Config(typeof(BenchConfig))]
public class AllocationBenchmarks
{
    [Params("cl100k_base", "o200k_base")] public string Encoding = "";
    private string _text = "";
    private int[] _buffer = [];
    private ITokenizer _tokenizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = string.Concat(Corpora.Names.Select(n => Corpora.Get(n).Substring(5000, 750)));
        _tokenizer = Instances.Ours(Encoding).Tokenizer;
        _buffer = new int[_text.Length * 3];
    }

    [Benchmark] public int CountTokens() => _tokenizer.CountTokens(_text);
    [Benchmark] public int EncodeToIds_Span() { _tokenizer.EncodeToIds(_text.AsSpan(), _buffer, out _, out int written); return written; }
    [Benchmark] public int EncodeToIds_List() => _tokenizer.EncodeToIds(_text).Count;
}
