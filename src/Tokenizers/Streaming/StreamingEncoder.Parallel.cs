using System;
using System.IO;
using System.Threading;

namespace Tokenizers;

/// <summary>The same chunks, encoded on several cores: safe cuts make the chunks independent, so order is all that is kept.</summary>
public sealed partial class StreamingEncoder
{
    /// <summary>
    /// Encodes everything <paramref name="reader"/> holds on up to <paramref name="degreeOfParallelism"/> threads (the
    /// calling thread one of them), handing ids to <paramref name="onIds"/> in order on the calling thread: exactly the ids,
    /// cuts and result of <see cref="Encode(TextReader, TokenSpanAction, CancellationToken)"/>. Each thread reads the next
    /// group of chunks as it finishes one, and a fixed number of groups is in flight, so memory stays bounded.
    /// </summary>
    public StreamingEncodeResult Encode(TextReader reader, TokenSpanAction onIds, int degreeOfParallelism,
        CancellationToken cancellationToken = default)
    {
        if (onIds is null) throw new ArgumentNullException(nameof(onIds));
        return RunParallel(reader, onIds, degreeOfParallelism, cancellationToken, null);
    }

    /// <summary>
    /// Counts the ids of everything <paramref name="reader"/> holds on up to <paramref name="degreeOfParallelism"/>
    /// threads, through the tokenizer's allocation-free <see cref="ITokenizer.CountTokens(ReadOnlySpan{char}, SpecialTokenPolicy?)"/>;
    /// <paramref name="onTokens"/>, if given, hears each group's count in order on the calling thread (for progress reports).
    /// </summary>
    public StreamingEncodeResult Count(TextReader reader, int degreeOfParallelism, Action<long>? onTokens = null,
        CancellationToken cancellationToken = default) =>
        RunParallel(reader, null, degreeOfParallelism, cancellationToken, onTokens);

    private StreamingEncodeResult RunParallel(TextReader reader, TokenSpanAction? onIds, int degreeOfParallelism,
        CancellationToken cancellationToken, Action<long>? onTokens)
    {
        if (reader is null) throw new ArgumentNullException(nameof(reader));
        if (degreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "At least one thread.");
        using var pipeline = new Pipeline(this, reader, degreeOfParallelism, keepIds: onIds is not null);
        return pipeline.Run(onIds, onTokens, cancellationToken);
    }

    private int CountChunk(ReadOnlySpan<char> text, long offset)
    {
        try
        {
            return _tokenizer.CountTokens(text, _policy);
        }
        catch (DisallowedSpecialTokenException e) when (offset + e.Position <= int.MaxValue)
        {
            throw AtStreamPosition(e, offset);
        }
    }
}
