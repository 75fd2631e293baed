using System.Text;
using Tokenizers.Cli.Conversion;

namespace Tokenizers.Cli.Tests;

public class CliCommandTests
{
    [Fact]
    public void EncodePrintsIdsOnOneLine() =>
        Assert.Equal((0, "104 105 32 195 169\n", ""), CliRunner.Run("encode", "--encoding", "bytes", "--text", "hi é"));

    [Fact]
    public void EncodeTreatsSpecialTextAsOrdinaryUnlessAllowed()
    {
        Assert.Equal(13, CliRunner.Run("encode", "-e", "bytes", "-t", "<|endoftext|>").Stdout.Split(' ').Length);
        Assert.Equal("97 256\n", CliRunner.Run("encode", "-e", "bytes", "-t", "a<|endoftext|>", "--allow-special").Stdout);
    }

    [Fact]
    public void EncodeReadsFilesByteForByteButALeadingBom()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("in.txt"), [0xEF, 0xBB, 0xBF, (byte)'a', 0xEF, 0xBB, 0xBF, (byte)'\n']);
        Assert.Equal("97 239 187 191 10\n", CliRunner.Run("encode", "-e", "bytes", "-i", temp.File("in.txt")).Stdout);
    }

    [Fact]
    public void EncodeJsonLinesPrintsOneArrayPerLineInOrder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.jsonl"), "{\"text\":\"ab\",\"id\":1}\n\n{\"text\":\"\"}\r\n{\"text\":\"c<|endoftext|>\"}\n");
        Assert.Equal("[97,98]\n[]\n[99,256]\n", CliRunner.Run("encode", "-e", "bytes", "--jsonl", temp.File("in.jsonl"), "--allow-special").Stdout);
    }

    [Fact]
    public void DecodePrintsTheTextAsIs()
    {
        Assert.Equal((0, "hi é", ""), CliRunner.Run("decode", "--encoding", "bytes", "--ids", "104 105 32 195 169"));
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("ids.json"), "[97, 256]\n");
        Assert.Equal("a<|endoftext|>", CliRunner.Run("decode", "-e", "bytes", "-i", temp.File("ids.json")).Stdout);
    }

    [Fact]
    public void CountPrintsTheNumber()
    {
        Assert.Equal((0, "3\n", ""), CliRunner.Run("count", "--encoding", "BYTES", "--text", "a<|endoftext|>b", "--allow-special"));
        Assert.Equal("15\n", CliRunner.Run("count", "-e", "bytes", "-t", "a<|endoftext|>b").Stdout);
    }

    [Fact]
    public void ConvertWritesVerifiedHuggingFaceFiles()
    {
        using var temp = new TempFolder();
        // All 256 bytes ranked in byte order, then " t", "he", " the".
        var ranks = new StringBuilder();
        for (int b = 0; b < 256; b++)
        {
            ranks.Append(Convert.ToBase64String([(byte)b])).Append(' ').Append(b).Append('\n');
        }
        ranks.Append("IHQ= 256\naGU= 257\nIHRoZQ== 258\n");
        File.WriteAllText(temp.File("tiny.tiktoken"), ranks.ToString());

        var (exitCode, stdout, stderr) = CliRunner.Run("convert", "--input", temp.File("tiny.tiktoken"),
            "--special", "<|endoftext|>=259", "--output", temp.File("out"));

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Contains("verified", stdout);
        Assert.Equal("#version: 0.2\nĠ t\nh e\nĠt he\n", File.ReadAllText(temp.File("out/merges.txt")));
        string vocab = File.ReadAllText(temp.File("out/vocab.json"));
        Assert.StartsWith("{\n  \"Ā\": 0,\n", vocab);
        Assert.Contains("\n  \"\\\"\": 34,\n", vocab);
        Assert.EndsWith("\n  \"Ġthe\": 258,\n  \"<|endoftext|>\": 259\n}\n", vocab);
        RankFile back = HuggingFaceReader.ReadFolder(temp.File("out"));
        Assert.Equal(259, back.Ranks.Count);
        Assert.Equal(259, back.SpecialTokens["<|endoftext|>"]);
        Assert.Equal(["merges.txt", "vocab.json"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ConvertRejectsASpecialIdThatIsAlreadyAToken()
    {
        using var temp = new TempFolder();
        string ranks = string.Concat(Enumerable.Range(0, 256).Select(b => $"{Convert.ToBase64String([(byte)b])} {b}\n"));
        File.WriteAllText(temp.File("bytes.tiktoken"), ranks);
        var (exitCode, _, stderr) = CliRunner.Run("convert", "-i", temp.File("bytes.tiktoken"), "-s", "<|x|>=5", "-o", temp.File("out"));
        Assert.Equal(2, exitCode);
        Assert.Contains("id 5", stderr);
    }
}
