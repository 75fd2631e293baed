using System;
using System.IO;
using System.Text;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// <see cref="TextReader.ReadLine"/>'s lines (ended by CR, LF or CRLF) from a reader that implements only block reads,
/// such as the strict UTF-8 reader that names the byte offset of a bad sequence.
/// </summary>
internal sealed class LineReader(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 14];
    private int _start, _end;
    private bool _eof, _skipLineFeed;

    public string? ReadLine()
    {
        StringBuilder? carry = null;
        while (true)
        {
            if (_start == _end)
            {
                if (!_eof)
                {
                    _start = 0;
                    _end = reader.Read(_buffer);
                    _eof = _end == 0;
                }
                if (_eof) return carry?.ToString();
            }
            if (_skipLineFeed)
            {
                // The last line ended in CR: an LF right after it belongs to it.
                _skipLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }
            int end = _buffer.AsSpan(_start, _end - _start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                (carry ??= new StringBuilder()).Append(_buffer, _start, _end - _start);
                _start = _end;
                continue;
            }
            string line = carry is null ? new string(_buffer, _start, end) : carry.Append(_buffer, _start, end).ToString();
            _skipLineFeed = _buffer[_start + end] == '\r';
            _start += end + 1;
            return line;
        }
    }
}
