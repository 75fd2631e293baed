using System;
using System.Collections.Generic;

namespace Tokenizers.TorchSharp;

/// <summary>
/// Several sources read as one, in order: a window may span the end of one shard and the start of the next, as it
/// would in the single file the shards were cut from.
/// </summary>
internal sealed class ConcatenatedTokenSource : TokenSource
{
    private readonly TokenSource[] _sources;
    private readonly long[] _starts; // _starts[i]: the first token of _sources[i]; _starts[^1]: the total
    private readonly bool _ownsSources;

    public ConcatenatedTokenSource(IReadOnlyList<TokenSource> sources, bool ownsSources)
    {
        _sources = [.. sources];
        _starts = new long[_sources.Length + 1];
        for (int i = 0; i < _sources.Length; i++) _starts[i + 1] = _starts[i] + _sources[i].Count;
        _ownsSources = ownsSources;
    }

    public override long Count => _starts[^1];

    public override void Read(long start, Span<long> destination)
    {
        CheckRange(start, destination.Length);
        // The last source that starts at or before `start` (an empty source never holds it).
        int i = Array.BinarySearch(_starts, 0, _sources.Length, start);
        i = i >= 0 ? i : ~i - 1;
        while (!destination.IsEmpty)
        {
            while (_starts[i + 1] <= start) i++;
            int n = (int)Math.Min(destination.Length, _starts[i + 1] - start);
            _sources[i].Read(start - _starts[i], destination[..n]);
            destination = destination[n..];
            start += n;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSources)
            foreach (TokenSource source in _sources) source.Dispose();
    }
}
