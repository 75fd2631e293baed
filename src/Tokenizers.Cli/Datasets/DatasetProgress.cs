using System;
using System.Diagnostics;
using System.IO;

namespace Tokenizers.Cli.Datasets;

/// <summary>
/// A progress line on stderr at most once a second, from the second second on (short runs stay quiet): rows, tokens,
/// MB/s of input and an ETA over the bytes of this task's inputs still to do.
/// </summary>
internal sealed class DatasetProgress(TextWriter stderr, long totalBytes)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;
    private long _doneBytes, _skippedBytes, _rows, _tokens;

    /// <summary>An input skipped or finished: its bytes count as done.</summary>
    public void Finished(long inputBytes, bool skipped)
    {
        if (skipped) _skippedBytes += inputBytes;
        else _doneBytes += inputBytes;
    }

    /// <summary>A batch of <paramref name="rows"/> rows and <paramref name="tokens"/> tokens of <paramref name="source"/> (of <paramref name="inputBytes"/>) is written.</summary>
    public void Add(DocumentSource source, long inputBytes, long rows, long tokens)
    {
        _rows += rows;
        _tokens += tokens;
        TimeSpan now = _clock.Elapsed;
        if (now - _last < TimeSpan.FromSeconds(1)) return;
        _last = now;
        double done = _doneBytes + source.Fraction * inputBytes, left = totalBytes - _skippedBytes - done;
        double rate = done / now.TotalSeconds;
        string eta = rate > 0 ? TimeSpan.FromSeconds(Math.Ceiling(left / rate)).ToString(@"h\:mm\:ss") : "?";
        stderr.WriteLine($"encode: {source.Path}: {_rows:N0} rows, {_tokens:N0} tokens, {rate / 1e6:N1} MB/s, "
            + $"{done / 1e6:N0} of {(totalBytes - _skippedBytes) / 1e6:N0} MB, ETA {eta}");
    }
}
