using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>Maps offsets in a text to zero-based lines and columns.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = new() { 0 };

    public LineMap(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    public SourcePoint PointAt(int offset)
    {
        int lo = 0, hi = _lineStarts.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return new SourcePoint(offset, lo, offset - _lineStarts[lo]);
    }
}
