using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.ML.Tokenizers;
using SharpToken;
using Tokenizers.OpenAI;

namespace Tokenizers.Benchmarks;

/// <summary>One library behind the operations the benchmarks compare.</summary>
public abstract class Library
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<int> Encode(string text);
    public abstract int Count(string text);
    public abstract string Decode(IReadOnlyList<int> ids);

    /// <summary>The library's span overload, where it has one.</summary>
    public virtual int EncodeSpan(string text, int[] buffer) => Encode(text).Count;

    /// <summary>Encodes many texts using every core.</summary>
    public virtual IReadOnlyList<int>[] EncodeBatch(string[] texts)
    {
        var result = new IReadOnlyList<int>[texts.Length];
        Parallel.For(0, texts.Length, i => result[i] = Encode(texts[i]));
        return result;
    }

    public static Library Ours(string encoding) => new OursLibrary(encoding);
    public static Library MlTokenizers(string encoding) => new MlLibrary(encoding);
    public static Library SharpToken(string encoding) => new SharpTokenLibrary(encoding);

    public static Library[] All(string encoding) => [Ours(encoding), MlTokenizers(encoding), SharpToken(encoding)];
}

public sealed class OursLibrary(ITokenizer tokenizer) : Library
{
    public OursLibrary(string encoding) : this(OpenAIEncodings.Get(encoding))
    {
    }

    /// <summary>
    /// A Hugging Face model as the generator compiled it from its tokenizer.json (the five of the issues), or any other
    /// installed model (gemma, gemma2, mistral_nemo, gpt4o) as the run-time loader reads it: the same tables and engine,
    /// built at start-up instead of at build time.
    /// </summary>
    public static OursLibrary ForModel(string model) => new(model switch
    {
        "llama3" => new Llama3Tokenizer(),
        "qwen3" => new Qwen3Tokenizer(),
        "deepseek_v3" => new DeepSeekV3Tokenizer(),
        "llama2" => new Llama2Tokenizer(),
        "gemma3" => new Tokenizers.HuggingFace.Gemma.Gemma3Tokenizer(),
        _ when Path.Combine(QuickRun.ModelsDirectory(), model, "tokenizer.json") is var json && File.Exists(json)
            => TokenizerFile.Load(json),
        _ => throw new ArgumentException($"Unknown Hugging Face model '{model}'.", nameof(model)),
    });

    public readonly ITokenizer Tokenizer = tokenizer;
    public override string Name => "Tokenizers";
    public override IReadOnlyList<int> Encode(string text) => Tokenizer.EncodeToIds(text);
    public override int Count(string text) => Tokenizer.CountTokens(text);
    public override string Decode(IReadOnlyList<int> ids) => Tokenizer.Decode(ids);
    public override IReadOnlyList<int>[] EncodeBatch(string[] texts) => Tokenizer.EncodeBatch(texts);

    /// <summary>The span overload into a reused buffer (no allocation).</summary>
    public override int EncodeSpan(string text, int[] buffer)
    {
        var status = Tokenizer.EncodeToIds(text.AsSpan(), buffer, out _, out int written);
        if (status != OperationStatus.Done) throw new InvalidOperationException("buffer too small");
        return written;
    }
}

public sealed class MlLibrary(string encoding) : Library
{
    public readonly TiktokenTokenizer Tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
    public override string Name => "ML.Tokenizers";
    public override IReadOnlyList<int> Encode(string text) => Tokenizer.EncodeToIds(text);
    public override int Count(string text) => Tokenizer.CountTokens(text);
    public override string Decode(IReadOnlyList<int> ids) => Tokenizer.Decode(ids);
    public override int EncodeSpan(string text, int[] buffer) => Tokenizer.EncodeToIds(text.AsSpan()).Count;
}

public sealed class SharpTokenLibrary(string encoding) : Library
{
    public readonly GptEncoding Encoding = GptEncoding.GetEncoding(encoding);
    public override string Name => "SharpToken";
    public override IReadOnlyList<int> Encode(string text) => Encoding.Encode(text);
    public override int Count(string text) => Encoding.CountTokens(text);
    public override string Decode(IReadOnlyList<int> ids) => Encoding.Decode(ids);
    public override int EncodeSpan(string text, int[] buffer) => Encoding.Encode(text.AsSpan()).Count;
}

/// <summary>
/// ML.Tokenizers' byte-level <see cref="BpeTokenizer"/> over a tokenizer.json's vocab and merges, with its one Split
/// regex as a <see cref="RegexPreTokenizer"/>: the closest it comes to loading these models. It has no tokenizer.json
/// reader, no ignore_merges (Llama 3), no NFC normalizer (Qwen3) and one regex only (DeepSeek V3 chains three).
/// </summary>
public sealed class MlHuggingFaceLibrary : Library
{
    public readonly BpeTokenizer Tokenizer;

    private MlHuggingFaceLibrary(BpeTokenizer tokenizer) => Tokenizer = tokenizer;

    public override string Name => "ML.Tokenizers";
    public override IReadOnlyList<int> Encode(string text) => Tokenizer.EncodeToIds(text);
    public override int Count(string text) => Tokenizer.CountTokens(text);
    public override string Decode(IReadOnlyList<int> ids) => Tokenizer.Decode(ids);
    public override int EncodeSpan(string text, int[] buffer) => Tokenizer.EncodeToIds(text.AsSpan()).Count;

    /// <summary>The tokenizer, or null and why not.</summary>
    public static MlHuggingFaceLibrary? TryCreate(string tokenizerJson, out string? whyNot)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllBytes(tokenizerJson));
        var root = doc.RootElement;
        var splits = new List<string>();
        if (root.GetProperty("decoder").ToString().Contains("ByteFallback", StringComparison.Ordinal))
        {
            whyNot = "a SentencePiece-style model: ML.Tokenizers' LlamaTokenizer reads SentencePiece's tokenizer.model protobuf, which the model package does not ship";
            return null;
        }
        var pre = root.GetProperty("pre_tokenizer");
        foreach (var stage in pre.GetProperty("type").GetString() == "Sequence" ? pre.GetProperty("pretokenizers").EnumerateArray() : Single(pre))
        {
            if (stage.GetProperty("type").GetString() == "Split") splits.Add(stage.GetProperty("pattern").GetProperty("Regex").GetString()!);
        }
        if (splits.Count != 1)
        {
            whyNot = $"its pre-tokenizer chains {splits.Count} Split regexes; ML.Tokenizers' RegexPreTokenizer takes one";
            return null;
        }
        var model = root.GetProperty("model");
        var vocab = new Dictionary<string, int>();
        foreach (var entry in model.GetProperty("vocab").EnumerateObject()) vocab[entry.Name] = entry.Value.GetInt32();
        var merges = new List<string>();
        foreach (var merge in model.GetProperty("merges").EnumerateArray())
            merges.Add(merge.ValueKind == System.Text.Json.JsonValueKind.String ? merge.GetString()! : merge[0].GetString() + " " + merge[1].GetString());
        var options = new BpeOptions(vocab)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(new System.Text.RegularExpressions.Regex(splits[0], System.Text.RegularExpressions.RegexOptions.Compiled), null),
        };
        whyNot = null;
        return new MlHuggingFaceLibrary(BpeTokenizer.Create(options));
    }

    private static IEnumerable<System.Text.Json.JsonElement> Single(System.Text.Json.JsonElement e) { yield return e; }
}
