namespace Tokenizers.Compilation;

/// <summary>A zero-based point in a source file.</summary>
internal readonly record struct SourcePoint(int Offset, int Line, int Column)
{
    /// <summary>"line,col", one-based, as compilers print positions.</summary>
    public string Display => (Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ","
        + (Column + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A problem in a tokenizer file, said once for the generator (a located TOKnnn diagnostic) and the run-time loader
/// (an exception with the same message). <see cref="Message"/> names what is wrong; <see cref="JsonPath"/> (e.g.
/// <c>model.merges[1234]</c>) and <see cref="Where"/> say where. A problem of the whole file (<see cref="InFile"/>:
/// a missing byte, an empty file) points at its start but names no line and column.
/// </summary>
internal sealed record CompileError(string Code, string Message, string? JsonPath, SourcePoint Where, int Length = 1, bool ShowsPoint = true)
{
    /// <summary>The message with the file, line, column and JSON path: "tokenizer.json(3,7): model.merges[12]: …".</summary>
    public string Format(string fileName)
        => fileName + (ShowsPoint ? "(" + Where.Display + "): " : ": ") + (JsonPath is null ? "" : JsonPath + ": ") + Message;

    /// <summary>A problem of the whole file: located at its start, worded "name: message".</summary>
    public static CompileError InFile(string code, string message) => new(code, message, null, default, 0, ShowsPoint: false);
}

/// <summary>The TOK codes of problems found in tokenizer files (the generator's Diagnostics maps each to a descriptor).</summary>
internal static class CompileErrorCodes
{
    public const string InvalidJson = "TOK003";
    public const string DuplicateToken = "TOK004";
    public const string DuplicateId = "TOK005";
    public const string MissingByteAlphabet = "TOK006";
    public const string MalformedMerge = "TOK007";
    public const string UnknownMergePart = "TOK008";
    public const string InvalidRankLine = "TOK009";
    public const string DuplicateRank = "TOK010";
    public const string UnreadableFile = "TOK011";
    public const string InvalidPattern = "TOK012";
    public const string InvalidSpecialToken = "TOK013";
    public const string TooLarge = "TOK014";
    public const string UnsupportedFormat = "TOK016";
    public const string InvalidWordList = "TOK017";
    public const string UnknownTokenNotInVocabulary = "TOK018";
    public const string InvalidToken = "TOK019";
    /// <summary>A component or option of tokenizer.json that is not supported (names it and its JSON path).</summary>
    public const string UnsupportedComponent = "TOK020";
    /// <summary>A tokenizer.json value of the wrong shape: a missing field, a wrong type, a bad merge string.</summary>
    public const string MalformedValue = "TOK021";
    /// <summary>A regular expression construct that the pattern compiler does not support (names it and its offset).</summary>
    public const string UnsupportedRegex = "TOK022";
}
