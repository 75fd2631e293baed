using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Tokenizers.Cli.Datasets;

/// <summary>
/// A JSON Lines file whose objects each hold a string field: lines read as bytes, a few MiB at a time; blank lines are
/// skipped; each line is checked for UTF-8 and parsed when its text is decoded, on the encoding threads.
/// </summary>
internal sealed class JsonLinesDocumentSource : DocumentSource
{
    private const int BatchBytes = 4 << 20;

    private readonly Stream _stream;
    private readonly long _length;
    private readonly byte[] _field;
    private readonly string _column;
    private byte[] _buffer = new byte[BatchBytes];
    private int _start, _end;     // bytes of _buffer not yet split into lines
    private long _line;           // lines split so far
    private bool _eof;

    public JsonLinesDocumentSource(string path, string column) : base(path)
    {
        Commands.InputFiles.RequireFile(path);
        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            _length = _stream.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error($"cannot read: {e.Message}");
        }
        _column = column;
        _field = Encoding.UTF8.GetBytes(column);
    }

    public override double Fraction => _length == 0 ? 1 : (double)(_stream.Position - (_end - _start)) / _length;

    public override bool Next(List<DocumentRow> rows)
    {
        rows.Clear();
        // Lines of the last batch are no longer needed: keep only the unfinished one.
        Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (rows.Count > 0 && _end == _buffer.Length) return true; // a full batch; the rest waits for the next
                if (_eof)
                {
                    if (_start < _end) AddLine(rows, _start, _end - _start);
                    _start = _end;
                    return rows.Count > 0;
                }
                Fill();
                continue;
            }
            AddLine(rows, _start, newline);
            _start += newline + 1;
        }
    }

    public override int Decode(DocumentRow row, ref char[] chars)
    {
        ReadOnlySpan<byte> line = row.Bytes.Span;
        if (!System.Text.Unicode.Utf8.IsValid(line))
            throw Error($"line {row.Location}: invalid UTF-8 at byte {Commands.InputFiles.FirstInvalidUtf8(line)} of the line");
        // The string's chars are at most its bytes.
        if (chars.Length < line.Length) chars = new char[Math.Max(line.Length, 2 * chars.Length)];
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw NotAnObject(row);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals(_field);
                reader.Read();
                if (!match)
                {
                    reader.Skip();
                    continue;
                }
                return reader.TokenType switch
                {
                    JsonTokenType.String => reader.CopyString(chars),
                    JsonTokenType.Null => 0,
                    _ => throw Error($"line {row.Location}: field \"{_column}\" is {reader.TokenType.ToString().ToLowerInvariant()}, not a string"),
                };
            }
            throw Error($"line {row.Location}: no \"{_column}\" field");
        }
        catch (JsonException)
        {
            throw NotAnObject(row);
        }
    }

    public override void Dispose() => _stream.Dispose();

    private CliException NotAnObject(DocumentRow row) => Error($"line {row.Location}: expected a JSON object with a string \"{_column}\" field");

    private void AddLine(List<DocumentRow> rows, int start, int length)
    {
        _line++;
        if (length > 0 && _buffer[start + length - 1] == '\r') length--;
        ReadOnlySpan<byte> line = _buffer.AsSpan(start, length);
        if (line.Trim(" \t\r"u8).IsEmpty) return;
        rows.Add(new DocumentRow(new ReadOnlyMemory<byte>(_buffer, start, length), false, _line));
    }

    private void Fill()
    {
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // one line longer than a batch
        try
        {
            int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            _eof = n == 0;
            _end += n;
        }
        catch (IOException e)
        {
            throw Error($"cannot read: {e.Message}");
        }
    }
}
