namespace Tokenizers.Cli.Tests;

public class CliErrorTests
{
    public static TheoryData<string[]> BadCommandLines => new()
    {
        Array.Empty<string>(),
        new[] { "frobnicate" },
        new[] { "encode", "--text", "hi" },
        new[] { "encode", "--encoding", "bytes" },
        new[] { "encode", "--encoding", "bytes", "--text", "a", "--input", "b.txt" },
        new[] { "encode", "--encoding", "nope", "--text", "hi" },
        new[] { "encode", "--encoding", "bytes", "--input", "/no/such/file.txt" },
        new[] { "encode", "--encoding", "bytes", "--jsonl", "/no/such/file.jsonl" },
        new[] { "encode", "--encoding", "bytes", "--text", "hi", "--bogus" },
        new[] { "decode", "--encoding", "bytes", "--ids", "1 x 3" },
        new[] { "decode", "--encoding", "bytes", "--ids", "1 257" },
        new[] { "decode", "--encoding", "bytes", "--ids", "-1" },
        new[] { "decode", "--encoding", "nope", "--ids", "1" },
        new[] { "count", "--encoding", "bytes" },
        new[] { "count", "--encoding", "bytes", "--input", "/no/such/file.txt" },
        new[] { "convert", "--input", "/no/such/file.tiktoken", "--output", "out" },
        new[] { "convert", "--input", "x.tiktoken" },
        new[] { "convert", "--input", "/no/such/file.tiktoken", "--output", "out", "--format", "zip" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void ExitsWith2AndOneLineOnStderr(string[] args)
    {
        var (exitCode, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Matches(@"\Atokenizers: error: [^\n]+\n\z", stderr);
    }

    [Fact]
    public void UnknownEncodingNamesTheKnownOnes() =>
        Assert.Contains("known: bytes", CliRunner.Run("count", "--encoding", "gpt3", "--text", "x").Stderr);

    [Fact]
    public void MalformedJsonLineNamesTheLine()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.jsonl"), "{\"text\":\"a\"}\n{\"txt\":\"b\"}\n");
        var (exitCode, _, stderr) = CliRunner.Run("encode", "--encoding", "bytes", "--jsonl", temp.File("in.jsonl"));
        Assert.Equal(2, exitCode);
        Assert.Contains("in.jsonl:2:", stderr);
    }

    [Theory]
    [InlineData("YQ== 0\n*** 1\n", "line 2")]
    [InlineData("YQ== 0\nYg== 1\nYWI= 2\n", "of the 256 bytes")]
    public void MalformedRankFileExitsWith2(string content, string message)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bad.tiktoken"), content);
        var (exitCode, _, stderr) = CliRunner.Run("convert", "--input", temp.File("bad.tiktoken"), "--output", temp.File("out"));
        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void BuiltInRegistryRejectsUnknownEncodings()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, Program.Run(["count", "--encoding", "no-such-encoding", "--text", "x"], new StringWriter(), stderr));
        Assert.Contains("unknown encoding 'no-such-encoding'", stderr.ToString());
    }

    [Fact]
    public void HelpExitsWith0() => Assert.Equal(0, CliRunner.Run("encode", "--help").ExitCode);
}
