using Tokenizers.Compilation.Json;

namespace Tokenizers.Compilation;

/// <summary>
/// Reads the fields of one tokenizer.json object (a component, an added token, the model), reporting a missing
/// field, a duplicate key or a value of the wrong type as TOK021 with the field's JSON path and location.
/// </summary>
internal readonly struct JsonFields
{
    public JsonFields(JsonValue obj, string path, CompileErrorList errors)
    {
        Object = obj;
        Path = path;
        Errors = errors;
    }

    public JsonValue Object { get; }

    public string Path { get; }

    public CompileErrorList Errors { get; }

    public string PathOf(string name) => JsonPath.Member(Path, name);

    /// <summary>Checks that <paramref name="value"/> is an object before its fields are read.</summary>
    public static bool IsObject(JsonValue value, string path, CompileErrorList errors, string what)
    {
        if (value.Kind == JsonKind.Object) return true;
        errors.Add(CompileErrorCodes.MalformedValue, "expected " + what + " (an object), found " + value.Describe(), path, value.Where, value.Length);
        return false;
    }

    /// <summary>The member <paramref name="name"/>; a second one is an error, as serde says "duplicate field".</summary>
    public bool TryGet(string name, out JsonValue value)
    {
        value = default;
        bool found = false;
        foreach (var member in Object.EnumerateObject())
        {
            if (!member.Name.ValueEquals(name)) continue;
            if (found)
            {
                Malformed(member.Name, PathOf(name), "duplicate field '" + name + "'");
                break;
            }
            value = member.Value;
            found = true;
        }
        return found;
    }

    public void Malformed(JsonValue at, string path, string message)
        => Errors.Add(CompileErrorCodes.MalformedValue, message, path, at.Where, at.Length);

    public void Unsupported(JsonValue at, string path, string message)
        => Errors.Add(CompileErrorCodes.UnsupportedComponent, message, path, at.Where, at.Length);

    public void Missing(string name)
        => Errors.Add(CompileErrorCodes.MalformedValue, "missing field '" + name + "'", Path, Object.Where);

    /// <summary>A value of the wrong kind: "expected a boolean, found the string \"yes\"".</summary>
    public void WrongKind(JsonValue value, string name, string expected)
        => Malformed(value, PathOf(name), "expected " + expected + ", found " + value.Describe());

    public bool Required(string name, out JsonValue value)
    {
        if (TryGet(name, out value)) return true;
        Missing(name);
        return false;
    }

    public string? RequiredString(string name)
    {
        if (!Required(name, out var value)) return null;
        if (value.Kind == JsonKind.String) return value.GetString();
        WrongKind(value, name, "a string");
        return null;
    }

    /// <summary>A string or null; absent reads as null.</summary>
    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value) || value.Kind == JsonKind.Null) return null;
        if (value.Kind == JsonKind.String) return value.GetString();
        WrongKind(value, name, "a string or null");
        return null;
    }

    public bool? RequiredBool(string name)
        => Required(name, out var value) ? AsBool(value, name) : null;

    public bool Bool(string name, bool absent)
        => TryGet(name, out var value) ? AsBool(value, name) ?? absent : absent;

    private bool? AsBool(JsonValue value, string name)
    {
        if (value.Kind == JsonKind.True) return true;
        if (value.Kind == JsonKind.False) return false;
        WrongKind(value, name, "true or false");
        return null;
    }

    /// <summary>A non-negative integer that fits an int (ids, offsets: u32/usize in Hugging Face).</summary>
    public int? RequiredCount(string name)
        => Required(name, out var value) ? AsCount(value, PathOf(name)) : null;

    public int? AsCount(JsonValue value, string path)
    {
        if (value.TryGetInt64(out long n) && n >= 0 && n <= int.MaxValue) return (int)n;
        Malformed(value, path, "expected a non-negative integer below 2^31, found " + value.Describe());
        return null;
    }

    /// <summary>A string of exactly one character (a Unicode scalar value: a Rust <c>char</c>).</summary>
    public string? RequiredChar(string name)
    {
        string? text = RequiredString(name);
        if (text is null) return null;
        bool single = text.Length == 1 && !char.IsSurrogate(text[0])
            || text.Length == 2 && char.IsHighSurrogate(text[0]) && char.IsLowSurrogate(text[1]);
        if (single) return text;
        TryGet(name, out var value);
        WrongKind(value, name, "a string of one character");
        return null;
    }

    public bool RequiredArray(string name, out JsonValue value)
    {
        if (!Required(name, out value)) return false;
        if (value.Kind == JsonKind.Array) return true;
        WrongKind(value, name, "an array");
        return false;
    }

    /// <summary>A <c>Split</c>/<c>Replace</c> pattern: <c>{"Regex": "..."}</c> or <c>{"String": "..."}</c>.</summary>
    public PatternDef? RequiredPattern(string name)
    {
        if (!Required(name, out var value)) return null;
        string path = PathOf(name);
        if (value.Kind == JsonKind.Object && value.Count == 1)
        {
            foreach (var member in value.EnumerateObject())
            {
                bool regex = member.Name.ValueEquals("Regex");
                if (!regex && !member.Name.ValueEquals("String")) break;
                if (member.Value.Kind == JsonKind.String) return new PatternDef(member.Value.GetString(), regex);
                Malformed(member.Value, JsonPath.Member(path, regex ? "Regex" : "String"), "expected a string, found " + member.Value.Describe());
                return null;
            }
        }
        Malformed(value, path, "expected a pattern {\"Regex\": \"...\"} or {\"String\": \"...\"}, found " + value.Describe());
        return null;
    }
}
