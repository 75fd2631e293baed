using System.Collections.Generic;

namespace Tokenizers.Compilation.Json;

/// <summary>
/// A parsed JSON text: every value with where it stands (offset, line, column), objects in member order, strings
/// unescaped and numbers parsed only when asked. Read-only; <see cref="Parse"/> makes one.
/// </summary>
internal sealed class JsonDocument
{
    private readonly JsonNode[] _nodes;
    private readonly List<int> _lineStarts;

    internal JsonDocument(string text, JsonNode[] nodes, int nodeCount, List<int> lineStarts)
    {
        Text = text;
        _nodes = nodes;
        NodeCount = nodeCount;
        _lineStarts = lineStarts;
    }

    public string Text { get; }

    /// <summary>How many values the document holds (keys included).</summary>
    public int NodeCount { get; }

    public JsonValue Root => new(this, 0);

    /// <summary>Parses <paramref name="text"/>; invalid JSON gives null and a TOK003 error that says what was expected and what was found.</summary>
    public static JsonDocument? Parse(string text, out CompileError? error) => JsonParser.Parse(text, out error);

    internal ref readonly JsonNode Node(int index) => ref _nodes[index];

    /// <summary>The index of the value after <paramref name="index"/> and its descendants.</summary>
    internal int Next(int index)
    {
        ref readonly var node = ref _nodes[index];
        return node.Kind >= JsonKind.Array ? node.Extent : index + 1;
    }

    internal SourcePoint PointOf(int index)
    {
        ref readonly var node = ref _nodes[index];
        return new SourcePoint(node.Offset, node.Line, node.Offset - _lineStarts[node.Line]);
    }

    /// <summary>The point of any offset (e.g. inside a string).</summary>
    public SourcePoint PointAt(int offset)
    {
        int lo = 0, hi = _lineStarts.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return new SourcePoint(offset, lo, offset - _lineStarts[lo]);
    }
}
