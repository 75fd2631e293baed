using System;

namespace Tokenizers;

/// <summary>
/// A tokenizer file that <see cref="TokenizerFile"/> cannot load: malformed, inconsistent or unsupported. The message is
/// the one <c>[GeneratedTokenizer]</c> reports for the same file (without the build's help sentence), e.g.
/// <c>tokenizer.json(3,7): model.merges[12]: …</c>; the properties say where, for tools that point at it.
/// </summary>
public sealed class TokenizerFormatException : FormatException
{
    public TokenizerFormatException(string message, string code, string filePath, int? line = null, int? column = null, string? jsonPath = null)
        : base(message)
    {
        Code = code;
        FilePath = filePath;
        Line = line;
        Column = column;
        JsonPath = jsonPath;
    }

    /// <summary>The diagnostic id the generator reports for the same problem, e.g. <c>TOK008</c>.</summary>
    public string Code { get; }

    /// <summary>The file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>One-based line of the problem, or null when it concerns the whole file.</summary>
    public int? Line { get; }

    /// <summary>One-based column (in UTF-16 chars) of the problem, or null when it concerns the whole file.</summary>
    public int? Column { get; }

    /// <summary>Where in a tokenizer.json, e.g. <c>model.merges[12]</c>; null for other files.</summary>
    public string? JsonPath { get; }
}
