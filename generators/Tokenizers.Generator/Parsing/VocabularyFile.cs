using Tokenizers.Generator.Model;

namespace Tokenizers.Generator.Parsing;

/// <summary>An additional file's path and text, as the pipeline carries it (value-equatable).</summary>
internal sealed record VocabularyFile(string Path, string? Text)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public LocationInfo At(TextPoint where, int length = 1) => LocationInfo.InFile(Path, where.Offset, length, where.Line, where.Column);

    /// <summary>The whole first line, for file-level diagnostics.</summary>
    public LocationInfo AtStart() => LocationInfo.InFile(Path, 0, 0, 0, 0);
}
