using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Tokenizers.Compilation.Json;

/// <summary>
/// Parses JSON (RFC 8259, as serde_json reads it: no comments, no trailing commas, no lone surrogates) into a
/// <see cref="JsonDocument"/>'s tape in one pass, recording line starts as it skips white space so that every value
/// knows its line without a second scan.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>serde_json's recursion limit: deeper files fail in Hugging Face too.</summary>
    public const int MaxDepth = 128;

    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };
    private JsonNode[] _nodes;
    private int _count;
    private int _pos;

    // The containers being parsed, outermost first, and for objects the key of the member being read (-1 before
    // one): only an error reads them, to say where it is.
    private readonly int[] _open = new int[MaxDepth];
    private readonly int[] _openKey = new int[MaxDepth];
    private int _depth;

    private JsonParser(string text)
    {
        _text = text;
        _nodes = new JsonNode[Math.Max(16, text.Length / 12)];
    }

    public static JsonDocument? Parse(string text, out CompileError? error)
    {
        var parser = new JsonParser(text);
        try
        {
            parser.ParseDocument();
        }
        catch (JsonSyntaxException e)
        {
            error = e.Error;
            return null;
        }
        error = null;
        return new JsonDocument(text, parser._nodes, parser._count, parser._lineStarts);
    }

    private void ParseDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1;
        ParseValue();
        SkipWhiteSpace();
        if (_pos < _text.Length) throw Expected("the end of the file after the top-level value");
    }

    private void ParseValue()
    {
        SkipWhiteSpace();
        if (_pos >= _text.Length) throw Expected("a value");
        switch (_text[_pos])
        {
            case '{': ParseObject(); break;
            case '[': ParseArray(); break;
            case '"': ParseString(); break;
            case 't': ParseLiteral("true", JsonKind.True); break;
            case 'f': ParseLiteral("false", JsonKind.False); break;
            case 'n': ParseLiteral("null", JsonKind.Null); break;
            case '-':
            case >= '0' and <= '9': ParseNumber(); break;
            default: throw Expected("a value");
        }
    }

    private void ParseObject()
    {
        int index = Open(JsonKind.Object);
        SkipWhiteSpace();
        if (!Eat('}'))
        {
            while (true)
            {
                SkipWhiteSpace();
                if (_pos >= _text.Length || _text[_pos] != '"')
                    throw Expected(_nodes[index].Count == 0 ? "a string key or '}'" : "a string key");
                _openKey[_depth - 1] = _count;
                ParseString();
                SkipWhiteSpace();
                if (!Eat(':')) throw Expected("':' after a key");
                ParseValue();
                _nodes[index].Count++;
                SkipWhiteSpace();
                if (Eat(',')) continue;
                if (Eat('}')) break;
                throw Expected("',' or '}'");
            }
        }
        Close(index);
    }

    private void ParseArray()
    {
        int index = Open(JsonKind.Array);
        SkipWhiteSpace();
        if (!Eat(']'))
        {
            while (true)
            {
                ParseValue();
                _nodes[index].Count++;
                SkipWhiteSpace();
                if (Eat(',')) continue;
                if (Eat(']')) break;
                throw Expected("',' or ']'");
            }
        }
        Close(index);
    }

    private int Open(JsonKind kind)
    {
        if (_depth == MaxDepth) throw Fail($"values nested deeper than {MaxDepth} levels");
        int index = Add(kind, _pos);
        _pos++;
        _open[_depth] = index;
        _openKey[_depth] = -1;
        _depth++;
        return index;
    }

    private void Close(int index)
    {
        _nodes[index].Extent = _count;
        _depth--;
    }

    [MethodImpl(ColdRun.Optimized)]
    private void ParseString()
    {
        string text = _text;
        int start = _pos;
        int pos = start + 1;
        bool escaped = false;
        while (true)
        {
            char c = '\0';
            while (pos < text.Length && (c = text[pos]) != '"' && c != '\\' && c >= ' ') pos++;
            if (pos >= text.Length)
            {
                _pos = pos;
                throw Fail("unterminated string");
            }
            if (c == '"') break;
            if (c < ' ')
            {
                _pos = pos;
                throw c is '\n' or '\r'
                    ? Fail("expected '\"' to end the string, found a line break (write it as \\n)")
                    : Fail($"control character U+{(int)c:X4} in a string (write it as \\u{(int)c:X4})");
            }
            escaped = true;
            pos = SkipEscape(pos);
        }
        _pos = pos + 1;
        int node = Add(JsonKind.String, start);
        _nodes[node].Extent = _pos - start;
        _nodes[node].Flag = escaped;
    }

    /// <summary>Checks the escape at <paramref name="pos"/> (a backslash) and returns the position after it.</summary>
    private int SkipEscape(int pos)
    {
        if (pos + 1 >= _text.Length)
        {
            _pos = pos;
            throw Fail("unterminated escape at the end of the file");
        }
        switch (_text[pos + 1])
        {
            case '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't': return pos + 2;
            case 'u':
                int code = JsonString.HexValue(_text, pos + 2);
                if (code < 0)
                {
                    _pos = pos;
                    throw Fail("invalid \\u escape: expected four hex digits");
                }
                if (code is >= 0xDC00 and <= 0xDFFF)
                {
                    _pos = pos;
                    throw Fail($"lone low surrogate \\u{code:X4}: a string holds Unicode scalar values");
                }
                if (code is >= 0xD800 and <= 0xDBFF)
                {
                    int low = pos + 7 < _text.Length && _text[pos + 6] == '\\' && _text[pos + 7] == 'u' ? JsonString.HexValue(_text, pos + 8) : -1;
                    if (low is < 0xDC00 or > 0xDFFF)
                    {
                        _pos = pos;
                        throw Fail($"lone high surrogate \\u{code:X4}: expected a \\uDC00-\\uDFFF escape after it");
                    }
                    return pos + 12;
                }
                return pos + 6;
            default:
                _pos = pos;
                throw Fail($"invalid escape '\\{TextDisplay.Show(_text.Substring(pos + 1, char.IsHighSurrogate(_text[pos + 1]) && pos + 2 < _text.Length ? 2 : 1))}'");
        }
    }

    [MethodImpl(ColdRun.Optimized)]
    private void ParseNumber()
    {
        string text = _text;
        int start = _pos;
        int pos = start;
        if (text[pos] == '-') pos++;
        if (pos < text.Length && text[pos] == '0') pos++;
        else if (pos < text.Length && text[pos] is >= '1' and <= '9') pos = SkipDigits(pos);
        else throw ExpectedAt(pos, "a digit");
        bool real = false;
        if (pos < text.Length && text[pos] == '.')
        {
            real = true;
            if (++pos >= text.Length || text[pos] is < '0' or > '9') throw ExpectedAt(pos, "a digit after '.'");
            pos = SkipDigits(pos);
        }
        if (pos < text.Length && text[pos] is 'e' or 'E')
        {
            real = true;
            pos++;
            if (pos < text.Length && text[pos] is '+' or '-') pos++;
            if (pos >= text.Length || text[pos] is < '0' or > '9') throw ExpectedAt(pos, "a digit in the exponent");
            pos = SkipDigits(pos);
        }
        _pos = pos;
        int node = Add(JsonKind.Number, start);
        _nodes[node].Extent = pos - start;
        _nodes[node].Flag = real;
    }

    [MethodImpl(ColdRun.Optimized)]
    private int SkipDigits(int pos)
    {
        while (pos < _text.Length && _text[pos] is >= '0' and <= '9') pos++;
        return pos;
    }

    private void ParseLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0 || _pos + literal.Length > _text.Length)
            throw Expected("a value");
        int node = Add(kind, _pos);
        _nodes[node].Extent = literal.Length;
        _pos += literal.Length;
    }

    [MethodImpl(ColdRun.Optimized)]
    private int Add(JsonKind kind, int offset)
    {
        if (_count == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        ref var node = ref _nodes[_count];
        node.Kind = kind;
        node.Offset = offset;
        node.Line = _lineStarts.Count - 1;
        return _count++;
    }

    private bool Eat(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    [MethodImpl(ColdRun.Optimized)]
    private void SkipWhiteSpace()
    {
        string text = _text;
        int pos = _pos;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c is ' ' or '\t') pos++;
            else if (c == '\n') _lineStarts.Add(++pos);
            else if (c == '\r')
            {
                if (++pos < text.Length && text[pos] == '\n') pos++;
                _lineStarts.Add(pos);
            }
            else break;
        }
        _pos = pos;
    }

    private JsonSyntaxException ExpectedAt(int pos, string what)
    {
        _pos = pos;
        return Expected(what);
    }

    /// <summary>"expected X, found Y" at the current position.</summary>
    private JsonSyntaxException Expected(string what)
    {
        string found = _pos >= _text.Length
            ? "the end of the file"
            : "'" + TextDisplay.Show(_text.Substring(_pos, char.IsHighSurrogate(_text[_pos]) && _pos + 1 < _text.Length ? 2 : 1)) + "'";
        return Fail("expected " + what + ", found " + found);
    }

    private JsonSyntaxException Fail(string message) => Fail(message, _pos);

    /// <summary>An error at <paramref name="offset"/>, which lies on the current line (line breaks only occur in white space).</summary>
    private JsonSyntaxException Fail(string message, int offset)
    {
        int line = _lineStarts.Count - 1;
        var where = new SourcePoint(offset, line, offset - _lineStarts[line]);
        return new JsonSyntaxException(new CompileError(CompileErrorCodes.InvalidJson, message, OpenPath(), where));
    }

    /// <summary>The JSON path of the value being parsed, from the open containers; null at the top level.</summary>
    private string? OpenPath()
    {
        string? path = null;
        for (int d = 0; d < _depth; d++)
        {
            ref readonly var node = ref _nodes[_open[d]];
            if (node.Kind == JsonKind.Array) path = JsonPath.Index(path ?? "", node.Count);
            else if (_openKey[d] >= 0 && _openKey[d] < _count)
                path = JsonPath.Member(path, new JsonValue(new JsonDocument(_text, _nodes, _count, _lineStarts), _openKey[d]).GetString());
            else break;
        }
        return path;
    }

    private sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(CompileError error) : base(error.Message) => Error = error;

        public CompileError Error { get; }
    }
}
