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
            return Fail(stderr, e.Message, e.ExitCode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, e.Message, CliException.UsageExitCode);
        }
        catch (ConversionVerificationException e)
        {
            return Fail(stderr, e.Message, 1);
        }
    }

    /// <summary>A plain command named like the tool, since RootCommand would take the assembly's name for usage lines.</summary>
    public static Command CreateRootCommand(EncodingRegistry registry) =>
        new("tokenizers", "Tokenizers compiled at build time: encode, decode, count; convert tiktoken ranks to Hugging Face files.")
        {
            new HelpOption(),
            new VersionOption(),
            EncodeCommand.Create(registry),
            DecodeCommand.Create(registry),
            CountCommand.Create(registry),
            ConvertCommand.Create(),
            TrainCommand.Create(),
        };

    private static int Fail(TextWriter stderr, string message, int exitCode)
    {
        // One line, so scripts can read the reason with `2>&1 | tail -1`.
        stderr.WriteLine("tokenizers: error: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
