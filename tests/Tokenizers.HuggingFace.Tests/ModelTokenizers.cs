using System.Collections.Concurrent;
using Tokenizers.Tests;

namespace Tokenizers.HuggingFace.Tests;

/// <summary>Where a model's tokenizer comes from: the class the generator compiled, or the run-time loader.</summary>
public enum TokenizerSource
{
    Generated,
    Loaded,
}

/// <summary>
/// One tokenizer per (model, source), made once for the test run. A side that has not landed yet skips the test
/// with the switch that turns it on.
/// </summary>
public static class ModelTokenizers
{
    private static readonly ConcurrentDictionary<(string, TokenizerSource), Lazy<ITokenizer>> s_cache = new();

    public static ITokenizer Get(string model, TokenizerSource source)
    {
        if (model == "gemma3" && source == TokenizerSource.Generated)
            Assert.Skip("Gemma 3's generated class lives in its own assembly (Tokenizers.HuggingFace.Gemma.Tests): its tables and those of the other four models exceed one assembly's string heap together");
        return s_cache.GetOrAdd((model, source), key => new Lazy<ITokenizer>(() => Create(key.Item1, key.Item2))).Value;
    }

    private static ITokenizer Create(string model, TokenizerSource source) => source switch
    {
        TokenizerSource.Generated => Generated(model),
        _ => LoadedModels.Load(model),
    };

    private static ITokenizer Generated(string model)
    {
        return model switch
        {
            "llama3" => new Llama3Tokenizer(),
            "qwen3" => new Qwen3Tokenizer(),
            "deepseek_v3" => new DeepSeekV3Tokenizer(),
            "llama2" => new Llama2Tokenizer(),
            _ => throw new ArgumentException($"no generated class for {model}", nameof(model)),
        };
    }
}
