using System.Globalization;

namespace Tokenizers.Compilation.Json;

/// <summary>A value of a <see cref="JsonDocument"/>: a handle, cheap to copy; nothing is allocated until a string is asked for.</summary>
internal readonly struct JsonValue
{
    private readonly JsonDocument _document;
    private readonly int _index;

    internal JsonValue(JsonDocument document, int index)
    {
        _document = document;
        _index = index;
    }

    private ref readonly JsonNode Node => ref _document.Node(_index);

    public JsonKind Kind => Node.Kind;

    public SourcePoint Where => _document.PointOf(_index);

    /// <summary>Where the value starts in <see cref="JsonDocument.Text"/> (a string's opening quote).</summary>
    public int Offset => Node.Offset;

    /// <summary>A string whose text holds escapes, so that its content is not its raw text.</summary>
    public bool HasEscapes => Node.Kind == JsonKind.String && Node.Flag;

    /// <summary>The length of a scalar in the text (a string's quotes included); 1 for a container.</summary>
    public int Length => Kind >= JsonKind.Array ? 1 : Node.Extent;

    /// <summary>An array's items or an object's members.</summary>
    public int Count => Node.Count;

    public JsonDocument Document => _document;

    /// <summary>The unescaped text of a string.</summary>
    public string GetString()
    {
        ref readonly var node = ref Node;
        return node.Flag
            ? JsonString.Unescape(_document.Text, node.Offset + 1, node.Extent - 2)
            : _document.Text.Substring(node.Offset + 1, node.Extent - 2);
    }

    /// <summary>Whether this is a string equal to <paramref name="text"/>, compared without allocating when it holds no escapes.</summary>
    public bool ValueEquals(string text)
    {
        ref readonly var node = ref Node;
        if (node.Kind != JsonKind.String) return false;
        if (node.Flag) return GetString() == text;
        return node.Extent - 2 == text.Length
            && string.CompareOrdinal(_document.Text, node.Offset + 1, text, 0, text.Length) == 0;
    }

    /// <summary>A number as written.</summary>
    public string RawText => _document.Text.Substring(Node.Offset, Length);

    /// <summary>An integer written without fraction or exponent that fits a long.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        ref readonly var node = ref Node;
        if (node.Kind != JsonKind.Number || node.Flag) return false;
        string text = _document.Text;
        int pos = node.Offset, end = node.Offset + node.Extent;
        bool negative = text[pos] == '-';
        if (negative) pos++;
        if (end - pos > 19) return false; // 19 digits always fit a ulong
        ulong magnitude = 0;
        for (; pos < end; pos++) magnitude = magnitude * 10 + (ulong)(text[pos] - '0');
        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue)) return false;
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    public bool TryGetDouble(out double value)
    {
        value = 0;
        return Kind == JsonKind.Number
            && double.TryParse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public JsonArrayEnumerator EnumerateArray() => new(_document, _index);

    public JsonObjectEnumerator EnumerateObject() => new(_document, _index);

    /// <summary>The first member called <paramref name="name"/> of an object.</summary>
    public bool TryGetProperty(string name, out JsonValue value)
    {
        foreach (var member in EnumerateObject())
            if (member.Name.ValueEquals(name))
            {
                value = member.Value;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>What the value is, for messages: "a string \"abc\"", "the number 1.5", "an object", "null".</summary>
    public string Describe() => Kind switch
    {
        JsonKind.Null => "null",
        JsonKind.False => "false",
        JsonKind.True => "true",
        JsonKind.Number => "the number " + TextDisplay.Show(RawText),
        JsonKind.String => "the string \"" + TextDisplay.Show(GetString()) + "\"",
        JsonKind.Array => "an array",
        _ => "an object",
    };
}
