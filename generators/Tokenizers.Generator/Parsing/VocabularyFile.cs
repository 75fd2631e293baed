using System.Threading;
using Microsoft.CodeAnalysis;
using Tokenizers.Compilation;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator.Parsing;

/// <summary>
/// An additional file's path and text, as the pipeline carries it (value-equatable). <see cref="NotUtf8"/> is set
/// when the compiler could not read the file as UTF-8 (see <see cref="Utf8Check"/>).
/// </summary>
internal sealed record VocabularyFile(string Path, string? Text, Utf8Problem? NotUtf8 = null)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public static VocabularyFile From(AdditionalText file, CancellationToken cancellationToken)
    {
        var source = file.GetText(cancellationToken);
        if (source is null) return new VocabularyFile(file.Path, null);
        string text = source.ToString();
        return new VocabularyFile(file.Path, text, Utf8Check.Find(text, source.Encoding));
    }

    /// <summary>A span in the file (clamped to its end), zero-based line and column.</summary>
    public LocationInfo At(SourcePoint where, int length = 1)
    {
        int available = (Text?.Length ?? 0) - where.Offset;
        length = System.Math.Max(0, System.Math.Min(length, available));
        return LocationInfo.InFile(Path, where.Offset, length, where.Line, where.Column);
    }
}
