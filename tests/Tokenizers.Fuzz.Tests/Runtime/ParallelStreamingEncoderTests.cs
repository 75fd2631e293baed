using System.Threading;
using Tokenizers.OpenAI;

namespace Tokenizers.Fuzz.Tests.Runtime;

/// <summary>
/// The parallel encode with tiny chunks, so that thousands of groups pass through the pipeline and many are in flight at
/// once: ids in order on the calling thread, errors after the ids of everything before them, bounded read-ahead.
/// </summary>
public class ParallelStreamingEncoderTests
{
    private static readonly IStreamableTokenizer Tokenizer = (IStreamableTokenizer)OpenAIEncodings.Get("cl100k_base");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(int seed, int chars)
    {
        var generator = new FuzzText(seed);
        var builder = new System.Text.StringBuilder();
        while (builder.Length < chars) builder.Append(generator.Next());
        return builder.ToString();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void IdsAndCountsArriveInOrderOnTheCallingThread(int threads)
    {
        string text = Text(threads, 300_000);
        int[] expected = [.. Tokenizer.EncodeToIds(text, SpecialTokenPolicy.All)];
        int caller = Environment.CurrentManagedThreadId;
        var encoder = new StreamingEncoder(Tokenizer, SpecialTokenPolicy.All, chunkChars: 16);
        var ids = new List<int>();
        var threadsSeen = new HashSet<int>();
        StreamingEncodeResult result = encoder.Encode(new StringReader(text), span =>
        {
            threadsSeen.Add(Environment.CurrentManagedThreadId);
            ids.AddRange(span.ToArray());
        }, threads, Ct);
        Assert.Equal((text.Length, expected.Length, 0), (result.Chars, result.Tokens, result.ForcedCuts));
        Assert.True(expected.AsSpan().SequenceEqual(ids.ToArray()));

        long counted = 0;
        result = encoder.Count(new StringReader(text), threads, n =>
        {
            threadsSeen.Add(Environment.CurrentManagedThreadId);
            counted += n;
        }, Ct);
        Assert.Equal((text.Length, expected.Length, expected.Length), (result.Chars, result.Tokens, counted));
        Assert.Equal([caller], threadsSeen);
    }

    /// <summary>A disallowed special token deep in the stream: the ids before it, then the error at its stream position, as the sequential encode gives them.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ADisallowedTokenInAMiddleGroupComesAfterTheIdsBeforeIt(int threads)
    {
        var random = new Random(threads);
        string text = Text(100 + threads, 200_000).Replace("<|", "<");
        var encoder = new StreamingEncoder(Tokenizer, SpecialTokenPolicy.Disallow, chunkChars: 16);
        for (int i = 0; i < 20; i++)
        {
            int at = random.Next(text.Length);
            if (char.IsLowSurrogate(text[at])) at--;
            string bad = text.Insert(at, "<|endoftext|>");
            var (expectedIds, expectedError) = Run(() => new StringReader(bad), (reader, onIds) => encoder.Encode(reader, onIds, Ct));
            var (ids, error) = Run(() => new StringReader(bad), (reader, onIds) => encoder.Encode(reader, onIds, threads, Ct));
            int position = Assert.IsType<DisallowedSpecialTokenException>(expectedError).Position;
            Assert.Equal(position, Assert.IsType<DisallowedSpecialTokenException>(error).Position);
            Assert.True(expectedIds.SequenceEqual(ids), $"at {at}");
            var counting = Assert.Throws<DisallowedSpecialTokenException>(() => encoder.Count(new StringReader(bad), threads, cancellationToken: Ct));
            Assert.Equal(position, counting.Position);
        }
    }

    /// <summary>A reader that fails deep in the stream: the ids of every chunk read before it, then its exception.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AReadErrorInAMiddleGroupComesAfterTheIdsBeforeIt(int threads)
    {
        var random = new Random(threads);
        string text = Text(200 + threads, 200_000);
        var encoder = new StreamingEncoder(Tokenizer, SpecialTokenPolicy.All, chunkChars: 16);
        for (int i = 0; i < 20; i++)
        {
            int failAt = random.Next(1000, text.Length);
            var (expectedIds, expectedError) = Run(() => new FailingReader(text, failAt), (reader, onIds) => encoder.Encode(reader, onIds, Ct));
            var (ids, error) = Run(() => new FailingReader(text, failAt), (reader, onIds) => encoder.Encode(reader, onIds, threads, Ct));
            Assert.IsType<IOException>(expectedError);
            Assert.Equal(expectedError.Message, Assert.IsType<IOException>(error).Message);
            Assert.True(expectedIds.Count > 0);
            Assert.True(expectedIds.SequenceEqual(ids), $"failing at {failAt}");
            Assert.Throws<IOException>(() => encoder.Count(new FailingReader(text, failAt), threads, cancellationToken: Ct));
        }
    }

    /// <summary>
    /// Cancelled, or the callback throwing, part-way through a long stream: that exception, not an aggregate, and the
    /// stream read only a bounded way past what was delivered (a few groups a thread).
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void CancellingOrAFailingCallbackStopsReadingEarly(int threads)
    {
        string text = Text(300 + threads, 2_000_000);
        var encoder = new StreamingEncoder(Tokenizer, SpecialTokenPolicy.All, chunkChars: 256);

        var reader = new FailingReader(text, int.MaxValue);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        int calls = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => encoder.Encode(reader, _ =>
        {
            if (++calls == 10) cancel.Cancel();
        }, threads, cancel.Token));
        Assert.InRange(reader.CharsRead, 1, 100_000);

        reader = new FailingReader(text, int.MaxValue);
        calls = 0;
        var e = Assert.Throws<InvalidOperationException>(() => encoder.Encode(reader, _ =>
        {
            if (++calls == 10) throw new InvalidOperationException("the callback failed");
        }, threads, Ct));
        Assert.Equal("the callback failed", e.Message);
        Assert.InRange(reader.CharsRead, 1, 100_000);
    }

    private static (List<int> Ids, Exception? Error) Run(Func<TextReader> open, Func<TextReader, TokenSpanAction, StreamingEncodeResult> encode)
    {
        var ids = new List<int>();
        try
        {
            encode(open(), span => ids.AddRange(span.ToArray()));
            return (ids, null);
        }
        catch (Exception e)
        {
            return (ids, e);
        }
    }

    /// <summary>Reads <paramref name="text"/> in small pieces and throws once a read would pass <paramref name="failAt"/>.</summary>
    private sealed class FailingReader(string text, int failAt) : TextReader
    {
        private int _position;

        public int CharsRead => Volatile.Read(ref _position);

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, 100), text.Length - _position);
            if (_position + n > failAt) throw new IOException($"the disk failed at char {failAt}");
            text.CopyTo(_position, buffer, index, n);
            Volatile.Write(ref _position, _position + n);
            return n;
        }
    }
}
