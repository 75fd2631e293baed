using Tokenizers.Data;

namespace Tokenizers.TorchSharp.Tests;

public sealed class TokenFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1, TokenFileWidth.UInt16)]
    [InlineData(50257, TokenFileWidth.UInt16)]
    [InlineData(65536, TokenFileWidth.UInt16)]
    [InlineData(65537, TokenFileWidth.UInt32)]
    [InlineData(100277, TokenFileWidth.UInt32)]
    [InlineData(200019, TokenFileWidth.UInt32)]
    public void WidthFollowsTheVocabularySize(int vocabularySize, TokenFileWidth expected) =>
        Assert.Equal(expected, TokenFile.WidthFor(vocabularySize));

    [Fact]
    public void WidthNeedsAVocabulary() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenFile.WidthFor(0));

    [Fact]
    public void UInt16FileIsFlatLittleEndianLikeNanoGpt()
    {
        string path = _temp.File("a.bin");
        TokenFile.Write(path, [1, 258, 65535, 0], TokenFileWidth.UInt16);
        Assert.Equal(new byte[] { 1, 0, 2, 1, 255, 255, 0, 0 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void UInt32FileIsFlatLittleEndian()
    {
        string path = _temp.File("a.bin");
        TokenFile.Write(path, [1, 65536, int.MaxValue], TokenFileWidth.UInt32);
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 0, 1, 0, 255, 255, 255, 127 }, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(TokenFileWidth.UInt16, 65535)]
    [InlineData(TokenFileWidth.UInt32, int.MaxValue)]
    public void RoundTripsThroughTheStreamingWriterAndTheMappedReader(TokenFileWidth width, int maxId)
    {
        // 100,003 tokens: more than one writer buffer, and many 4 KiB reader views.
        var random = new Random(7);
        int[] ids = Enumerable.Range(0, 100_003).Select(_ => random.Next(maxId) + (random.Next(10) == 0 ? 1 : 0)).ToArray();
        ids[0] = 0;
        ids[^1] = maxId;
        string path = _temp.File("tokens.bin");
        using (var writer = new TokenFileWriter(path, width))
        {
            for (int at = 0; at < ids.Length; at += 777) writer.Write(ids.AsSpan(at, Math.Min(777, ids.Length - at)));
            Assert.Equal(ids.Length, writer.Count);
        }

        Assert.Equal(ids.Length, TokenFile.CountTokens(path, width));
        Assert.Equal((long)ids.Length * (int)width, new FileInfo(path).Length);
        Assert.Equal(ids, TokenFile.ReadAll(path, width));

        using TokenFileReader reader = TokenFileReader.Open(path, width, viewBytes: 4096, maxViews: 2);
        Assert.Equal(ids.Length, reader.Count);
        var longs = new long[5000];
        var ints = new int[5000];
        foreach (long start in new long[] { 0, 1, 2047, 2048, 4095, 50_000, ids.Length - 5000 })
        {
            reader.Read(start, longs);
            reader.Read(start, ints);
            for (int i = 0; i < longs.Length; i++)
            {
                Assert.Equal(ids[start + i], longs[i]);
                Assert.Equal(ids[start + i], ints[i]);
            }
        }
        for (int i = 0; i < 200; i++)
        {
            long at = random.NextInt64(ids.Length);
            Assert.Equal(ids[at], reader[at]);
        }
    }

    [Fact]
    public void ReaderIsSafeToShareAcrossThreads()
    {
        int[] ids = Enumerable.Range(0, 65_536).ToArray();
        string path = _temp.File("tokens.bin");
        TokenFile.Write(path, ids, TokenFileWidth.UInt16);
        using TokenFileReader reader = TokenFileReader.Open(path, TokenFileWidth.UInt16, viewBytes: 4096, maxViews: 2);
        System.Threading.Tasks.Parallel.For(0, 4, worker =>
        {
            var random = new Random(worker);
            var window = new long[100];
            for (int n = 0; n < 2000; n++)
            {
                long start = random.Next(ids.Length - window.Length);
                reader.Read(start, window);
                for (int i = 0; i < window.Length; i++) Assert.Equal(start + i, window[i]);
            }
        });
    }

    [Fact]
    public void WriterRejectsAnIdTooLargeForUInt16AfterWritingTheOnesBefore()
    {
        string path = _temp.File("a.bin");
        using (var writer = new TokenFileWriter(path, TokenFileWidth.UInt16))
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write([5, 6, 65536, 7]));
            Assert.Contains("65536", e.Message);
            Assert.Equal(2, writer.Count);
        }
        Assert.Equal([5, 6], TokenFile.ReadAll(path, TokenFileWidth.UInt16));
    }

    [Fact]
    public void WriterRejectsNegativeIds()
    {
        using var writer = new TokenFileWriter(new MemoryStream(), TokenFileWidth.UInt32);
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(-1));
    }

    [Fact]
    public void WriterWritesToAStreamItDoesNotOwn()
    {
        var stream = new MemoryStream();
        using (var writer = new TokenFileWriter(stream, TokenFileWidth.UInt16, leaveOpen: true))
        {
            writer.Write(3);
            writer.Write(4);
        }
        Assert.Equal(new byte[] { 3, 0, 4, 0 }, stream.ToArray());
    }

    [Fact]
    public void EmptyFileHasNoTokens()
    {
        string path = _temp.File("empty.bin");
        File.WriteAllBytes(path, []);
        using TokenFileReader reader = TokenFileReader.Open(path, TokenFileWidth.UInt16);
        Assert.Equal(0, reader.Count);
        reader.Read(0, Span<long>.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader[0]);
    }

    [Fact]
    public void PartialTokenIsInvalidData()
    {
        string path = _temp.File("odd.bin");
        File.WriteAllBytes(path, [1, 0, 2]);
        Assert.Throws<InvalidDataException>(() => TokenFileReader.Open(path, TokenFileWidth.UInt16));
        Assert.Throws<InvalidDataException>(() => TokenFile.CountTokens(path, TokenFileWidth.UInt16));
    }

    [Fact]
    public void ReadsOutsideTheFileThrow()
    {
        string path = _temp.File("a.bin");
        TokenFile.Write(path, [1, 2, 3], TokenFileWidth.UInt32);
        using TokenFileReader reader = TokenFileReader.Open(path, TokenFileWidth.UInt32);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Read(1, new long[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Read(-1, new long[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader[3]);
    }

    [Fact]
    public void ViewSizeMustBeAPowerOfTwo()
    {
        string path = _temp.File("a.bin");
        TokenFile.Write(path, [1], TokenFileWidth.UInt16);
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenFileReader.Open(path, TokenFileWidth.UInt16, viewBytes: 5000));
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenFileReader.Open(path, TokenFileWidth.UInt16, maxViews: 0));
    }
}
