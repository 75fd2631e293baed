using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;

namespace Tokenizers.Cli.Commands;

/// <summary>Options and input handling shared by encode, decode and count.</summary>
internal static class CommonOptions
{
    public static Option<string> InputFile(string description) => new("--input", "-i")
    {
        Description = $"{description} ({InputFiles.HelpNote})",
    };

    public static Option<string> Text() => new("--text", "-t") { Description = "The text itself" };

    public static Option<bool> AllowSpecial() => new("--allow-special")
    {
        Description = "Recognise special-token text such as <|endoftext|>; by default it is ordinary text",
    };

    /// <summary>The one option of <paramref name="options"/> that was given.</summary>
    /// <exception cref="CliException">None or several were given.</exception>
    public static Option ExactlyOne(ParseResult result, params Option[] options)
    {
        Option[] given = options.Where(o => result.GetResult(o) is not null).ToArray();
        return given.Length == 1
            ? given[0]
            : throw new CliException($"give exactly one of {string.Join(", ", options.Select(o => o.Name))}");
    }

    /// <exception cref="CliException">The file does not exist, or is a directory.</exception>
    public static string RequireFile(string path) => InputFiles.RequireFile(path);

    /// <summary>
    /// The file's text (<c>-</c>: standard input) as UTF-8, read once, without a UTF-8 byte-order mark at its start.
    /// Invalid UTF-8 is refused with its byte offset (<see cref="InputFiles"/>).
    /// </summary>
    public static string ReadText(string path) => InputFiles.ReadAllText(path);

    public static Option<bool> AddSpecialTokens() => new("--add-special-tokens")
    {
        Description = "Apply the tokenizer's post-processor, e.g. a tokenizer.json's BOS/EOS template (other tokenizers add nothing); reads a file whole",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Threads that encode a file, cut into chunks where the ids cannot change (default: every core)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--threads must be at least 1"); } },
    };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress lines on stderr" };

    public static SpecialTokenPolicy Policy(ParseResult result, Option<bool> allowSpecial) =>
        result.GetValue(allowSpecial) ? SpecialTokenPolicy.All : SpecialTokenPolicy.None;
}
