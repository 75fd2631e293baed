using System;

namespace Tokenizers.Cli;

/// <summary>A failure reported as one line on stderr with <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = CliException.UsageExitCode) : Exception(message)
{
    /// <summary>Bad arguments, a missing file, an unknown encoding, malformed input.</summary>
    public const int UsageExitCode = 2;

    public int ExitCode { get; } = exitCode;
}
