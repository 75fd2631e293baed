using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Text;
using Tokenizers.Cli.Commands;
using Tokenizers.Cli.Conversion;

namespace Tokenizers.Cli;

/// <summary>Entry point of the <c>tokenizers</c> command.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // UTF-8 whatever the locale says, and buffered: encode can print millions of ids.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), encoding, 1 << 16);
        using var stderr = new StreamWriter(Console.OpenStandardError(), encoding) { AutoFlush = true };
        return Run(args, stdout, stderr);
    }

    /// <summary>Runs the CLI in-process with the built-in encodings.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, EncodingRegistry.BuiltIn);

    /// <summary>Runs the CLI in-process. Returns 0 on success, 2 on a usage or input error, 1 on an internal failure.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, EncodingRegistry registry)
    {
        if (TryCountQuickly(args, stdout, registry)) return 0;
        ParseResult parsed = CreateRootCommand(registry).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            return Fail(stderr, string.Join(" ", parsed.Errors.Select(e => e.Message).Distinct()), CliException.UsageExitCode);
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            // Output printed before the failure (ids of a pipe read up to a bad byte) comes first.
            stdout.Flush();
            return Fail(stderr, e.Message, e.ExitCode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Tokenizers.WordLevel.UnknownWordException)
        {
            // A word list loaded without --unknown-token refuses words it does not have: bad input, like a bad file.
            return Fail(stderr, e.Message, CliException.UsageExitCode);
        }
        catch (ConversionVerificationException e)
        {
            return Fail(stderr, e.Message, 1);
        }
    }

    /// <summary>A plain command named like the tool, since RootCommand would take the assembly's name for usage lines.</summary>
    public static Command CreateRootCommand(EncodingRegistry registry) =>
        new("tokenizers", "Tokenizers compiled at build time, or loaded from a tokenizer file: encode, decode, count; train vocabularies; convert tiktoken ranks to Hugging Face files.")
        {
            new HelpOption(),
            new VersionOption(),
            EncodeCommand.Create(registry),
            DecodeCommand.Create(registry),
            CountCommand.Create(registry),
            ConvertCommand.Create(),
            TrainCommand.Create(),
            VerifyCommand.Create(),
        };

    /// <summary>
    /// Start-up fast path for the one-shot call a script makes per request, <c>count --encoding NAME --text TEXT</c>
    /// (either order, short names too): building System.CommandLine's command tree and parsing take about 12 ms of
    /// a 38 ms process, so this form skips them. Anything else, an unknown encoding included, or a value the parser
    /// could read differently (one starting with <c>-</c> or <c>@</c>), goes through the full parser.
    /// </summary>
    private static bool TryCountQuickly(string[] args, TextWriter stdout, EncodingRegistry registry)
    {
        if (args.Length != 5 || args[0] != "count") return false;
        string? encoding = null, text = null;
        for (int i = 1; i < 5; i += 2)
        {
            string value = args[i + 1];
            if (value.Length == 0 || value[0] is '-' or '@') return false;
            switch (args[i])
            {
                case "--encoding" or "-e" when encoding is null: encoding = value; break;
                case "--text" or "-t" when text is null: text = value; break;
                default: return false;
            }
        }
        if (encoding is null || text is null || !registry.TryGet(encoding, out ITokenizer? tokenizer)) return false;
        stdout.WriteLine(tokenizer.CountTokens(text, SpecialTokenPolicy.None));
        return true;
    }

    private static int Fail(TextWriter stderr, string message, int exitCode)
    {
        // One line, so scripts can read the reason with `2>&1 | tail -1`.
        stderr.WriteLine("tokenizers: error: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
