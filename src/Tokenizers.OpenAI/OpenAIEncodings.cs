using System;
using System.Collections.Generic;

namespace Tokenizers.OpenAI;

/// <summary>
/// The prebuilt encodings, as shared instances and by tiktoken's names. Instances are immutable and thread-safe; their
/// tables are constant data in this assembly, so touching one costs nothing.
/// </summary>
public static class OpenAIEncodings
{
    /// <summary>tiktoken's <c>gpt2</c>.</summary>
    public static Gpt2Tokenizer Gpt2 { get; } = new();

    /// <summary>tiktoken's <c>r50k_base</c> (GPT-3).</summary>
    public static R50kBaseTokenizer R50kBase { get; } = new();

    /// <summary>tiktoken's <c>p50k_base</c> (Codex).</summary>
    public static P50kBaseTokenizer P50kBase { get; } = new();

    /// <summary>tiktoken's <c>cl100k_base</c> (GPT-3.5, GPT-4).</summary>
    public static Cl100kBaseTokenizer Cl100kBase { get; } = new();

    /// <summary>tiktoken's <c>o200k_base</c> (GPT-4o).</summary>
    public static O200kBaseTokenizer O200kBase { get; } = new();

    /// <summary>tiktoken's encoding names, in release order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gpt2", "r50k_base", "p50k_base", "cl100k_base", "o200k_base"];

    /// <summary>The encoding called <paramref name="name"/> (tiktoken's name, e.g. <c>cl100k_base</c>), or null.</summary>
    public static ITokenizer? TryGet(string name) => name switch
    {
        "gpt2" => Gpt2,
        "r50k_base" => R50kBase,
        "p50k_base" => P50kBase,
        "cl100k_base" => Cl100kBase,
        "o200k_base" => O200kBase,
        _ => null,
    };

    /// <summary>The encoding called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No encoding has that name.</exception>
    public static ITokenizer Get(string name)
        => TryGet(name) ?? throw new ArgumentException($"Unknown encoding '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
}
