namespace Tokenizers.Compilation.Json;

/// <summary>One member of an object: its key (a string value, with its location) and its value.</summary>
internal readonly struct JsonMember
{
    public JsonMember(JsonValue name, JsonValue value)
    {
        Name = name;
        Value = value;
    }

    public JsonValue Name { get; }

    public JsonValue Value { get; }
}

/// <summary>The items of an array, in order, without allocating.</summary>
internal struct JsonArrayEnumerator
{
    private readonly JsonDocument _document;
    private readonly int _end;
    private int _next;
    private int _current;

    internal JsonArrayEnumerator(JsonDocument document, int index)
    {
        _document = document;
        ref readonly var node = ref document.Node(index);
        _end = node.Kind == JsonKind.Array ? node.Extent : index + 1;
        _next = index + 1;
        _current = -1;
    }

    public readonly JsonValue Current => new(_document, _current);

    public readonly JsonArrayEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next >= _end) return false;
        _current = _next;
        _next = _document.Next(_current);
        return true;
    }
}

/// <summary>The members of an object, in the order the text writes them (duplicates included), without allocating.</summary>
internal struct JsonObjectEnumerator
{
    private readonly JsonDocument _document;
    private readonly int _end;
    private int _next;
    private int _current;

    internal JsonObjectEnumerator(JsonDocument document, int index)
    {
        _document = document;
        ref readonly var node = ref document.Node(index);
        _end = node.Kind == JsonKind.Object ? node.Extent : index + 1;
        _next = index + 1;
        _current = -1;
    }

    public readonly JsonMember Current => new(new JsonValue(_document, _current), new JsonValue(_document, _current + 1));

    public readonly JsonObjectEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next >= _end) return false;
        _current = _next;
        _next = _document.Next(_current + 1);
        return true;
    }
}
