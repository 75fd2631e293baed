using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Tokenizers.Compilation;

/// <summary>One "token": id entry of vocab.json, with where its key stands, the key's length as written and where its id stands.</summary>
internal readonly record struct JsonEntry(string Key, int Id, SourcePoint Where, int Length, SourcePoint IdWhere, int IdLength);

/// <summary>
/// Reads a JSON object of string keys and integer values (vocab.json). Hand-written because a generator cannot
/// bring System.Text.Json into every compiler process; errors carry line and column.
/// </summary>
internal sealed class JsonVocabularyReader
{
    private readonly string _text;
    private readonly LineMap _lines;
    private int _pos;

    private JsonVocabularyReader(string text)
    {
        _text = text;
        _lines = new LineMap(text);
    }

    public static List<JsonEntry> Read(string text, out CompileError? error)
    {
        var reader = new JsonVocabularyReader(text);
        var entries = new List<JsonEntry>();
        error = reader.ReadObject(entries);
        return entries;
    }

    private CompileError Fail(string message) => new(CompileErrorCodes.InvalidJson, message, null, _lines.PointAt(_pos));

    /// <summary>A failure that also shows what stands at the position instead.</summary>
    private CompileError Expected(string what)
        => Fail(_pos < _text.Length ? $"expected {what}, found '{TextDisplay.Show(_text.Substring(_pos, char.IsHighSurrogate(_text[_pos]) && _pos + 1 < _text.Length ? 2 : 1))}'" : $"expected {what}, found the end of the file");

    private CompileError? ReadObject(List<JsonEntry> entries)
    {
        SkipWhiteSpace();
        if (_pos < _text.Length && _text[_pos] == '\uFEFF') _pos++;
        SkipWhiteSpace();
        if (!Eat('{')) return Expected("'{' to start the vocabulary object");
        SkipWhiteSpace();
        if (Eat('}')) return TrailingContent();
        while (true)
        {
            SkipWhiteSpace();
            var where = _lines.PointAt(_pos);
            var key = ReadString(out var keyError);
            if (keyError is not null) return keyError;
            int keyLength = _pos - where.Offset;
            SkipWhiteSpace();
            if (!Eat(':')) return Expected("':' after a key");
            SkipWhiteSpace();
            var idWhere = _lines.PointAt(_pos);
            var id = ReadInt(out var idError);
            if (idError is not null) return idError;
            entries.Add(new JsonEntry(key!, id, where, keyLength, idWhere, _pos - idWhere.Offset));
            SkipWhiteSpace();
            if (Eat(',')) continue;
            if (Eat('}')) return TrailingContent();
            return Expected("',' or '}'");
        }
    }

    private CompileError? TrailingContent()
    {
        SkipWhiteSpace();
        return _pos < _text.Length ? Fail($"unexpected '{TextDisplay.Show(_text.Substring(_pos, 1))}' after the vocabulary object") : null;
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

    private void SkipWhiteSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n') _pos++;
    }

    private string? ReadString(out CompileError? error)
    {
        error = null;
        if (!Eat('"'))
        {
            error = Expected("a string key");
            return null;
        }
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                error = Fail("unterminated string");
                return null;
            }
            char c = _text[_pos++];
            if (c == '"') return sb.ToString();
            if (c < ' ')
            {
                _pos--;
                error = Fail("control character in a string");
                return null;
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_pos >= _text.Length)
            {
                error = Fail("unterminated escape");
                return null;
            }
            char e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        _pos -= 2;
                        error = Fail("invalid \\u escape");
                        return null;
                    }
                    _pos += 4;
                    sb.Append((char)code);
                    break;
                default:
                    _pos -= 2;
                    error = Fail($"invalid escape '\\{TextDisplay.Show(e.ToString())}'");
                    return null;
            }
        }
    }

    private int ReadInt(out CompileError? error)
    {
        error = null;
        int start = _pos;
        if (_pos < _text.Length && _text[_pos] == '-') _pos++;
        while (_pos < _text.Length && _text[_pos] is >= '0' and <= '9') _pos++;
        string digits = _text.Substring(start, _pos - start);
        if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < 0)
        {
            _pos = start;
            error = digits.Length == 0 ? Expected("an integer id") : Fail($"id '{TextDisplay.Show(digits)}' is not a non-negative 32-bit integer");
            return 0;
        }
        return value;
    }
}
