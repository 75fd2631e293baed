using System;
using System.Collections.Generic;

namespace Tokenizers.OpenAI;

/// <summary>The prebuilt encodings by tiktoken's names. Instances are immutable, thread-safe and free to create.</summary>
public static class OpenAIEncodings
{
    /// <summary>tiktoken's encoding names, in release order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gpt2", "r50k_base", "p50k_base", "cl100k_base", "o200k_base"];

    /// <summary>The encoding called <paramref name="name"/> (tiktoken's name, e.g. <c>cl100k_base</c>), or null.</summary>
    public static ITokenizer? TryGet(string name) => name switch
    {
        "gpt2" => new Gpt2Tokenizer(),
        "r50k_base" => new R50kBaseTokenizer(),
        "p50k_base" => new P50kBaseTokenizer(),
        "cl100k_base" => new Cl100kBaseTokenizer(),
        "o200k_base" => new O200kBaseTokenizer(),
        _ => null,
    };

    /// <summary>The encoding called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No encoding has that name.</exception>
    public static ITokenizer Get(string name)
        => TryGet(name) ?? throw new ArgumentException($"Unknown encoding '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
}
