using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using Tokenizers.MLTokenizers;
using Tokenizers.OpenAI;

namespace Tokenizers.Benchmarks;

/// <summary>
/// Issue 11: our tokenizer behind ML.Tokenizers' <see cref="Tokenizer"/> (<c>AsMLTokenizer()</c>) against ML.Tokenizers'
/// own TiktokenTokenizer, the same calls on the same 100 KB of prose; and the ITokenizer members the adapter calls, whose
/// allocation shows what is allocation-free.
/// </summary>
[Config(typeof(BenchConfig))]
[CategoriesColumn]
public class MLAdapterBenchmarks
{
    [Params("cl100k_base", "o200k_base")] public string Encoding = "";

    private string _text = "";
    private int[] _ids = [];
    private char[] _chars = [];
    private Tokenizer _adapter = null!, _ml = null!;
    private ITokenizer _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpora.Get(Corpora.Prose)[..100_000];
        _ours = OpenAIEncodings.Get(Encoding);
        _adapter = _ours.AsMLTokenizer();
        _ml = TiktokenTokenizer.CreateForEncoding(Encoding);
        _ids = [.. _ours.EncodeToIds(_text)];
        _chars = new char[_text.Length + 16];
    }

    private int Budget => _ids.Length / 2;

    [Benchmark(Baseline = true), BenchmarkCategory("EncodeToIds")] public int Adapter_EncodeToIds() => _adapter.EncodeToIds(_text).Count;
    [Benchmark, BenchmarkCategory("EncodeToIds")] public int ML_EncodeToIds() => _ml.EncodeToIds(_text).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("EncodeToTokens")] public int Adapter_EncodeToTokens() => _adapter.EncodeToTokens(_text, out _).Count;
    [Benchmark, BenchmarkCategory("EncodeToTokens")] public int ML_EncodeToTokens() => _ml.EncodeToTokens(_text, out _).Count;
    [Benchmark, BenchmarkCategory("EncodeToTokens")] public int Ours_EncodeToTokens() => _ours.EncodeToTokens(_text).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("CountTokens")] public int Adapter_CountTokens() => _adapter.CountTokens(_text);
    [Benchmark, BenchmarkCategory("CountTokens")] public int ML_CountTokens() => _ml.CountTokens(_text);

    [Benchmark(Baseline = true), BenchmarkCategory("GetIndexByTokenCount")] public int Adapter_GetIndexByTokenCount() => _adapter.GetIndexByTokenCount(_text, Budget, out _, out _);
    [Benchmark, BenchmarkCategory("GetIndexByTokenCount")] public int ML_GetIndexByTokenCount() => _ml.GetIndexByTokenCount(_text, Budget, out _, out _);
    [Benchmark, BenchmarkCategory("GetIndexByTokenCount")] public int Ours_GetIndexByTokenCount() => _ours.GetIndexByTokenCount(_text, Budget, out _);

    [Benchmark(Baseline = true), BenchmarkCategory("GetIndexByTokenCountFromEnd")] public int Adapter_GetIndexByTokenCountFromEnd() => _adapter.GetIndexByTokenCountFromEnd(_text, Budget, out _, out _);
    [Benchmark, BenchmarkCategory("GetIndexByTokenCountFromEnd")] public int ML_GetIndexByTokenCountFromEnd() => _ml.GetIndexByTokenCountFromEnd(_text, Budget, out _, out _);

    [Benchmark(Baseline = true), BenchmarkCategory("Decode(span)")] public int Adapter_DecodeSpan() { _adapter.Decode(_ids, _chars, out _, out int written); return written; }
    [Benchmark, BenchmarkCategory("Decode(span)")] public int ML_DecodeSpan() { _ml.Decode(_ids, _chars, out _, out int written); return written; }
    [Benchmark, BenchmarkCategory("Decode(span)")] public int Ours_DecodeSpan() { _ours.Decode(_ids, _chars, out _, out int written); return written; }
}
