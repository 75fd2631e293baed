using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tokenizers.Generator.Model;

/// <summary>A location without a syntax tree reference, safe to keep in a cached pipeline model.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
        => location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>A point (line and column, zero-based) in a vocabulary file.</summary>
    public static LocationInfo InFile(string path, int offset, int length, int line, int column)
        => new(path, new TextSpan(offset, length), new LinePositionSpan(new LinePosition(line, column), new LinePosition(line, column + length)));
}
