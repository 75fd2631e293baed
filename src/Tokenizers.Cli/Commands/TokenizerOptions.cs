using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// Which tokenizer encode, decode and count run: a built-in encoding (<c>--encoding NAME</c>) or files loaded at run time
/// with <see cref="TokenizerFile"/> (<c>--tokenizer FILE</c>, with <c>--merges</c>, <c>--pattern</c>, <c>--special</c> and
/// <c>--unknown-token</c> where the file does not say them itself, as the generator's attribute takes them).
/// </summary>
internal sealed class TokenizerOptions
{
    public Option<string> Encoding { get; } = new("--encoding", "-e") { Description = "Built-in encoding name, e.g. gpt2 (or give --tokenizer)" };

    public Option<string> Tokenizer { get; } = new("--tokenizer")
    {
        Description = "Tokenizer file loaded at run time: a Hugging Face tokenizer.json, vocab.json (with --merges; what train writes), "
            + "a .tiktoken rank file or a .txt word list. A malformed file is one error line, exit code 2",
    };

    public Option<string> Merges { get; } = new("--merges") { Description = "merges.txt beside a vocab.json --tokenizer" };

    public Option<string> Pattern { get; } = new("--pattern")
    {
        Description = "--tokenizer .tiktoken or vocab.json: the pre-tokenizer, gpt2 (default), cl100k, o200k or none; .txt: the split regex",
    };

    public Option<string[]> Special { get; } = new("--special") { Description = "--tokenizer .tiktoken or vocab.json: a special token as TEXT=ID; repeatable" };

    public Option<string> UnknownToken { get; } = new("--unknown-token") { Description = "--tokenizer .txt: the word unknown words become (else they are an error)" };

    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "--tokenizer: compile the file anew and keep nothing. By default the compiled tables of a tokenizer.json, "
            + ".tiktoken or vocab.json are kept in $TOKENIZERS_CACHE, else $XDG_CACHE_HOME/tokenizers, else ~/.cache/tokenizers, "
            + "named by SHA-256 of the files, so a later run skips the compile (about 1 s for Llama 3 or Qwen3)",
    };

    public IEnumerable<Option> All => [Encoding, Tokenizer, Merges, Pattern, Special, UnknownToken, NoCache];

    /// <summary>The tokenizer as the command line named it: the encoding, or the tokenizer file's path.</summary>
    public string Name(ParseResult result) => result.GetValue(Encoding) ?? result.GetValue(Tokenizer) ?? "";

    /// <exception cref="CliException">Not exactly one of --encoding and --tokenizer, an unknown encoding, a missing or malformed file (exit code 2).</exception>
    public ITokenizer Resolve(ParseResult result, EncodingRegistry registry)
    {
        Option given = CommonOptions.ExactlyOne(result, Encoding, Tokenizer);
        Option[] fileOnly = [Merges, Pattern, Special, UnknownToken, NoCache];
        if (given == Encoding)
        {
            foreach (Option option in fileOnly)
                if (result.GetResult(option) is { Implicit: false }) throw new CliException($"{option.Name} goes with --tokenizer, not --encoding");
            return registry.Get(result.GetValue(Encoding)!);
        }
        string path = CommonOptions.RequireFile(result.GetValue(Tokenizer)!);
        string? merges = result.GetValue(Merges) is { } m ? CommonOptions.RequireFile(m) : null;
        var options = new TokenizerFileOptions
        {
#pragma warning disable CS0618 // --pattern keeps both meanings, as the loader's alias does: the file decides which it is.
            Pattern = result.GetValue(Pattern),
#pragma warning restore CS0618
            SpecialTokens = result.GetValue(Special),
            UnknownToken = result.GetValue(UnknownToken),
            CacheDirectory = result.GetValue(NoCache) ? null : CacheDirectory(Environment.GetEnvironmentVariable),
        };
        try
        {
            return merges is null ? TokenizerFile.Load(path, options) : TokenizerFile.Load(path, merges, options);
        }
        catch (Exception e) when (e is TokenizerFormatException or ArgumentException)
        {
            // The loader's message is the generator's: "tokenizer.json(3,7): model.merges[12]: …".
            throw new CliException(e.Message);
        }
    }

    /// <summary>
    /// Where compiled tables are kept: <c>$TOKENIZERS_CACHE</c>, else <c>$XDG_CACHE_HOME/tokenizers</c> (an absolute
    /// path, as the XDG spec requires), else <c>~/.cache/tokenizers</c>; null when there is no home to put it in.
    /// </summary>
    internal static string? CacheDirectory(Func<string, string?> environment)
    {
        if (environment("TOKENIZERS_CACHE") is { Length: > 0 } explicitDirectory) return explicitDirectory;
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "tokenizers");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "tokenizers") : null;
    }
}
