using System;
using System.Collections.Generic;
using System.CommandLine;

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

    public IEnumerable<Option> All => [Encoding, Tokenizer, Merges, Pattern, Special, UnknownToken];

    /// <summary>The tokenizer as the command line named it: the encoding, or the tokenizer file's path.</summary>
    public string Name(ParseResult result) => result.GetValue(Encoding) ?? result.GetValue(Tokenizer) ?? "";

    /// <exception cref="CliException">Not exactly one of --encoding and --tokenizer, an unknown encoding, a missing or malformed file (exit code 2).</exception>
    public ITokenizer Resolve(ParseResult result, EncodingRegistry registry)
    {
        Option given = CommonOptions.ExactlyOne(result, Encoding, Tokenizer);
        Option[] fileOnly = [Merges, Pattern, Special, UnknownToken];
        if (given == Encoding)
        {
            foreach (Option option in fileOnly)
                if (result.GetResult(option) is not null) throw new CliException($"{option.Name} goes with --tokenizer, not --encoding");
            return registry.Get(result.GetValue(Encoding)!);
        }
        string path = CommonOptions.RequireFile(result.GetValue(Tokenizer)!);
        string? merges = result.GetValue(Merges) is { } m ? CommonOptions.RequireFile(m) : null;
        var options = new TokenizerFileOptions
        {
            Pattern = result.GetValue(Pattern),
            SpecialTokens = result.GetValue(Special),
            UnknownToken = result.GetValue(UnknownToken),
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
}
