using System.Text;
using System.Threading;
using Tokenizers.Data;
using Tokenizers.OpenAI;
using Tokenizers.PreTokenization;

namespace Tokenizers.Fuzz.Tests.Runtime;

/// <summary>Streaming encodes give exactly the ids of encoding the whole text, whatever the chunk size.</summary>
public class StreamingEncoderTests
{
    public static TheoryData<string> Encodings => new(OpenAIEncodings.Names);

    private static IStreamableTokenizer Get(string name) => (IStreamableTokenizer)OpenAIEncodings.Get(name);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Random text (long runs, emoji, specials), random chunk sizes from tiny to large: always the whole-text ids.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void RandomTextsAndChunkSizesGiveTheWholeTextIds(string encoding)
    {
        IStreamableTokenizer tokenizer = Get(encoding);
        var random = new Random(encoding.GetHashCode() ^ 20261125);
        var generator = new FuzzText(random.Next());
        int cuts = 0;
        for (int i = 0; i < 400; i++)
        {
            // Several texts glued, so that most are long enough to be cut many times.
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => generator.Next(loneSurrogates: i % 7 == 0)));
            int chunk = random.Next(4) switch { 0 => 16, 1 => random.Next(16, 64), 2 => random.Next(64, 1024), _ => 1 << 16 };
            foreach (SpecialTokenPolicy policy in new[] { SpecialTokenPolicy.None, SpecialTokenPolicy.All })
            {
                var encoder = new StreamingEncoder(tokenizer, policy, chunk, maxChunkChars: Math.Max(chunk, 4096));
                var ids = new List<int>();
                StreamingEncodeResult result = encoder.Encode(new StringReader(text), span => ids.AddRange(span.ToArray()), cancellationToken: Ct);
                Assert.Equal(0, result.ForcedCuts);
                Assert.Equal(text.Length, result.Chars);
                Assert.Equal(ids.Count, result.Tokens);
                Assert.True(tokenizer.EncodeToIds(text, policy).SequenceEqual(ids), $"{encoding}, chunk {chunk}, {Differential.Literal(text)}");
                cuts += text.Length / chunk;
            }
        }
        Assert.True(cuts > 1000, "the texts were cut often");
    }

    /// <summary>
    /// On several threads (batches of chunks encoded at once, delivered in order): the ids, result and count of the
    /// whole text, over more than one batch of every degree; a disallowed special token in a later batch at its stream position.
    /// </summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void ParallelEncodeAndCountGiveTheWholeTextIds(string encoding)
    {
        IStreamableTokenizer tokenizer = Get(encoding);
        var random = new Random(encoding.GetHashCode() ^ 20261127);
        var generator = new FuzzText(random.Next());
        var builder = new System.Text.StringBuilder();
        while (builder.Length < 1_200_000) builder.Append(generator.Next(loneSurrogates: builder.Length % 5 == 0));
        string text = builder.ToString();
        int[] expected = [.. tokenizer.EncodeToIds(text, SpecialTokenPolicy.All)];
        foreach (int degree in new[] { 1, 2, 3 })
        {
            var encoder = new StreamingEncoder(tokenizer, SpecialTokenPolicy.All, chunkChars: random.Next(16, 4096));
            var ids = new List<int>();
            StreamingEncodeResult result = encoder.Encode(new StringReader(text), span => ids.AddRange(span.ToArray()), degree, Ct);
            Assert.Equal((text.Length, expected.Length, 0), (result.Chars, result.Tokens, result.ForcedCuts));
            Assert.True(expected.AsSpan().SequenceEqual(ids.ToArray()), $"{encoding}, {degree} threads");
            long counted = 0;
            Assert.Equal(expected.Length, encoder.Count(new StringReader(text), degree, n => counted += n, Ct).Tokens);
            Assert.Equal(expected.Length, counted);
        }

        string disallowed = string.Concat(Enumerable.Repeat("plain words, no tokens here. ", 40_000)) + "<|endoftext|> tail";
        var strict = new StreamingEncoder(tokenizer, SpecialTokenPolicy.Disallow);
        int position = disallowed.IndexOf("<|", StringComparison.Ordinal);
        Assert.Equal(position, Assert.Throws<DisallowedSpecialTokenException>(() => strict.Encode(new StringReader(disallowed), _ => { }, 2, Ct)).Position);
        Assert.Equal(position, Assert.Throws<DisallowedSpecialTokenException>(() => strict.Count(new StringReader(disallowed), 2, cancellationToken: Ct)).Position);
    }

    [Fact]
    public void UsualProseIsCutManyTimesAndStillExact()
    {
        IStreamableTokenizer tokenizer = Get("cl100k_base");
        string text = string.Concat(Enumerable.Repeat("The quick brown fox's 12 jumps—over «the» lazy dog.\r\n\tIt's 2024; naïve café 東京タワー 😀👩‍💻!\n\n", 300));
        var ids = new List<int>();
        var encoder = new StreamingEncoder(tokenizer, chunkChars: 16, maxChunkChars: 16);
        var result = encoder.Encode(new StringReader(text), span => ids.AddRange(span.ToArray()), cancellationToken: Ct);
        Assert.Equal(0, result.ForcedCuts);
        Assert.Equal(tokenizer.EncodeToIds(text), ids);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void DisallowedSpecialTokenIsReportedAtItsStreamPosition(string encoding)
    {
        IStreamableTokenizer tokenizer = Get(encoding);
        string text = string.Concat(Enumerable.Repeat("plain words, no tokens here. ", 200)) + "<|endoftext|> tail";
        var encoder = new StreamingEncoder(tokenizer, SpecialTokenPolicy.Disallow, chunkChars: 64);
        var e = Assert.Throws<DisallowedSpecialTokenException>(() => encoder.Encode(new StringReader(text), _ => { }, cancellationToken: Ct));
        var whole = Assert.Throws<DisallowedSpecialTokenException>(() => tokenizer.EncodeToIds(text, SpecialTokenPolicy.Disallow));
        Assert.Equal(whole.Token, e.Token);
        Assert.Equal(whole.Position, e.Position);
        Assert.Equal(text.IndexOf("<|", StringComparison.Ordinal), e.Position);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void SpecialTokensAreNeverSplitByACut(string encoding)
    {
        IStreamableTokenizer tokenizer = Get(encoding);
        var sb = new StringBuilder();
        for (int i = 0; i < 500; i++) sb.Append("word").Append(i % 10).Append("<|endoftext|>").Append(i % 3 == 0 ? " " : "");
        string text = sb.ToString();
        for (int chunk = 16; chunk < 40; chunk++)
        {
            var ids = new List<int>();
            new StreamingEncoder(tokenizer, SpecialTokenPolicy.All, chunk).Encode(new StringReader(text), span => ids.AddRange(span.ToArray()), cancellationToken: Ct);
            Assert.Equal(tokenizer.EncodeToIds(text, SpecialTokenPolicy.All), ids);
        }
    }

    /// <summary>UTF-8 bytes read in random small pieces (splitting characters), valid or not: as Encoding.UTF8 decodes the whole.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void Utf8StreamsGiveTheIdsOfTheDecodedText(string encoding)
    {
        IStreamableTokenizer tokenizer = Get(encoding);
        var random = new Random(7 + encoding.Length);
        var generator = new FuzzText(random.Next());
        for (int i = 0; i < 150; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 6).Select(_ => generator.Next())));
            if (i % 2 == 1) Corrupt(bytes, random);
            string decoded = Encoding.UTF8.GetString(bytes);
            var ids = new List<int>();
            var encoder = new StreamingEncoder(tokenizer, chunkChars: random.Next(16, 300));
            encoder.Encode(new TrickleStream(bytes, random.Next()), span => ids.AddRange(span.ToArray()), cancellationToken: Ct);
            Assert.Equal(tokenizer.EncodeToIds(decoded), ids);
        }
    }

    [Fact]
    public void InvalidUtf8IsRefusedWithItsByteOffset()
    {
        IStreamableTokenizer tokenizer = Get("gpt2");
        var random = new Random(11);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("héllo wörld 😀 ", random.Next(1, 9000))));
            int at = random.Next(bytes.Length);
            bytes[at] = (byte)(random.Next(2) == 0 ? 0xFF : 0x80 | random.Next(0x40));
            long expected;
            try
            {
                strict.GetString(bytes);
                continue; // the byte happened to fit
            }
            catch (System.Text.DecoderFallbackException e)
            {
                expected = e.Index;
            }
            var encoder = new StreamingEncoder(tokenizer, chunkChars: 1024);
            var error = Assert.Throws<InvalidUtf8Exception>(
                () => encoder.Encode(new TrickleStream(bytes, i), _ => { }, throwOnInvalidUtf8: true, cancellationToken: Ct));
            Assert.Equal(expected, error.ByteOffset);
            Assert.Contains($"byte {expected}", error.Message);
        }
    }

    [Fact]
    public void ByteOrderMarkIsText()
    {
        IStreamableTokenizer tokenizer = Get("cl100k_base");
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i'];
        var ids = new List<int>();
        new StreamingEncoder(tokenizer).Encode(new MemoryStream(bytes), span => ids.AddRange(span.ToArray()), cancellationToken: Ct);
        Assert.Equal(tokenizer.EncodeToIds("\uFEFFhi"), ids);
    }

    [Fact]
    public void LazyIdsAndTokenFilesMatch()
    {
        IStreamableTokenizer tokenizer = Get("o200k_base");
        string text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}: données, 数据 😀\n"));
        var encoder = new StreamingEncoder(tokenizer, chunkChars: 100);
        IReadOnlyList<int> expected = tokenizer.EncodeToIds(text);
        Assert.Equal(expected, encoder.EncodeToIds(new StringReader(text)));

        var file = new MemoryStream();
        using (var writer = new TokenFileWriter(file, TokenFile.WidthFor(tokenizer.VocabularySize), leaveOpen: true))
            encoder.Encode(new StringReader(text), writer, cancellationToken: Ct);
        byte[] bytes = file.ToArray();
        Assert.Equal(expected.Count * 4, bytes.Length);
        Assert.Equal(expected, Enumerable.Range(0, expected.Count).Select(i => BitConverter.ToInt32(bytes, i * 4)));
    }

    /// <summary>A million letters in a row cannot be cut safely; past MaxChunkChars it is cut anyway, and counted.</summary>
    [Fact]
    public void RunsWithoutASafeCutAreCutAtTheLimitAndCounted()
    {
        IStreamableTokenizer tokenizer = Get("gpt2");
        string text = "start " + new string('x', 5000) + " end";
        var ids = new List<int>();
        var result = new StreamingEncoder(tokenizer, chunkChars: 64, maxChunkChars: 1024).Encode(new StringReader(text), s => ids.AddRange(s.ToArray()), cancellationToken: Ct);
        Assert.True(result.ForcedCuts >= 4);
        Assert.Equal(text, tokenizer.Decode(ids));

        var exact = new List<int>();
        result = new StreamingEncoder(tokenizer, chunkChars: 64, maxChunkChars: 8192).Encode(new StringReader(text), s => exact.AddRange(s.ToArray()), cancellationToken: Ct);
        Assert.Equal(0, result.ForcedCuts);
        Assert.Equal(tokenizer.EncodeToIds(text), exact);
    }

    [Fact]
    public void PatternNoneCannotStream()
    {
        var e = Assert.Throws<ArgumentException>(() => new StreamingEncoder(Get("gpt2"), WholeTextPreTokenizer.Instance, []));
        Assert.Contains("none", e.Message);
    }

    [Fact]
    public void GeneratedTokenizersExposeTheirPattern()
    {
        Assert.Same(Gpt2PreTokenizer.Instance, Get("gpt2").PreTokenizer);
        Assert.Same(Gpt2PreTokenizer.Instance, Get("p50k_base").PreTokenizer);
        Assert.Same(Cl100kPreTokenizer.Instance, Get("cl100k_base").PreTokenizer);
        Assert.Same(O200kPreTokenizer.Instance, Get("o200k_base").PreTokenizer);
    }

    private static void Corrupt(byte[] bytes, Random random)
    {
        for (int k = 0; k < 1 + bytes.Length / 200; k++)
        {
            int at = random.Next(bytes.Length);
            bytes[at] = random.Next(3) switch { 0 => 0xFF, 1 => 0xC3, _ => (byte)(0x80 | random.Next(0x40)) };
        }
    }

    /// <summary>Hands out bytes a few at a time, so multi-byte characters and invalid sequences straddle reads.</summary>
    private sealed class TrickleStream(byte[] data, int seed) : Stream
    {
        private readonly Random _random = new(seed);
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, data.Length - _position), _random.Next(1, 9) * (_random.Next(8) == 0 ? 997 : 1));
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
