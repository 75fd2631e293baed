using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Tokenizers.Cli;

/// <summary>
/// Names the <c>--encoding</c> option accepts, each with the tokenizer it stands for. Tokenizers are made on first
/// use, because a compiled vocabulary can carry megabytes of data that other commands should not pay for.
/// </summary>
public sealed class EncodingRegistry
{
    private static readonly Lazy<EncodingRegistry> s_builtIn = new(CreateBuiltIn);
    private readonly Dictionary<string, Lazy<ITokenizer>> _tokenizers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The encodings compiled into the CLI.</summary>
    public static EncodingRegistry BuiltIn => s_builtIn.Value;

    public static EncodingRegistry CreateBuiltIn()
    {
        var registry = new EncodingRegistry();
        // OpenAI's encodings, compiled by our generator into Tokenizers.OpenAI: nothing is loaded at run time.
        foreach (string name in Tokenizers.OpenAI.OpenAIEncodings.Names)
            registry.Register(name, () => Tokenizers.OpenAI.OpenAIEncodings.Get(name));
        return registry;
    }

    /// <summary>Sorted names, for messages and help.</summary>
    public IReadOnlyList<string> Names => _tokenizers.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Adds <paramref name="name"/> (case-insensitive); <paramref name="factory"/> runs once, on first use.</summary>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public EncodingRegistry Register(string name, Func<ITokenizer> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_tokenizers.TryAdd(name, new Lazy<ITokenizer>(factory)))
        {
            throw new ArgumentException($"encoding '{name}' is already registered", nameof(name));
        }
        return this;
    }

    public bool TryGet(string name, [NotNullWhen(true)] out ITokenizer? tokenizer)
    {
        tokenizer = _tokenizers.TryGetValue(name, out Lazy<ITokenizer>? lazy) ? lazy.Value : null;
        return tokenizer is not null;
    }

    /// <exception cref="CliException">Unknown name (exit code 2).</exception>
    public ITokenizer Get(string name) => TryGet(name, out ITokenizer? tokenizer)
        ? tokenizer
        : throw new CliException(Names.Count == 0
            ? $"unknown encoding '{name}': no encoding is compiled into this build yet"
            : $"unknown encoding '{name}'; known: {string.Join(", ", Names)}");
}
