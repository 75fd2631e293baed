namespace Tokenizers.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var registry = new EncodingRegistry().Register("bytes", () => new ByteTokenizer());
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = Program.Run(args, stdout, stderr, registry);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI with the built-in encodings only, as the installed tool runs.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunBuiltIn(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = Program.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
