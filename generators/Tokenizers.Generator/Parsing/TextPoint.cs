using System.Collections.Generic;

namespace Tokenizers.Generator.Parsing;

/// <summary>A position in a text file: offset and zero-based line and column.</summary>
internal readonly record struct TextPoint(int Offset, int Line, int Column)
{
    /// <summary>One-based line and column, as compilers print them.</summary>
    public string Display => $"{Line + 1},{Column + 1}";
}

/// <summary>A parse failure and where it happened.</summary>
internal sealed record ParseError(TextPoint Where, string Message);

/// <summary>Maps offsets to lines and columns.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = new() { 0 };

    public LineMap(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    public TextPoint PointAt(int offset)
    {
        int lo = 0, hi = _lineStarts.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return new TextPoint(offset, lo, offset - _lineStarts[lo]);
    }
}
