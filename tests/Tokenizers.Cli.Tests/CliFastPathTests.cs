namespace Tokenizers.Cli.Tests;

/// <summary><c>count --encoding NAME --text TEXT</c> skips the parser; it must answer exactly as the parser's path does.</summary>
public class CliFastPathTests
{
    [Theory]
    [InlineData("count", "--encoding", "bytes", "--text", "a<|endoftext|>b")]
    [InlineData("count", "--text", "a<|endoftext|>b", "--encoding", "BYTES")]
    [InlineData("count", "-e", "bytes", "-t", "a<|endoftext|>b")]
    public void TheFastFormCountsAsTheParserDoes(params string[] args)
    {
        Assert.Equal((0, "15\n", ""), CliRunner.Run(args));
        // The same request in a form the fast path leaves to the parser.
        Assert.Equal((0, "15\n", ""), CliRunner.Run("count", "--encoding=bytes", "--text", "a<|endoftext|>b"));
    }

    [Fact]
    public void AnythingElseGoesThroughTheParser()
    {
        var unknown = CliRunner.Run("count", "--encoding", "nope", "--text", "abc");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("nope", unknown.Stderr);
        Assert.Equal(2, CliRunner.Run("count", "--encoding", "bytes", "--encoding", "bytes").ExitCode);
        Assert.Equal("3\n", CliRunner.Run("count", "--encoding", "bytes", "--text", "-ab").Stdout);
        Assert.Equal((0, "3\n", ""), CliRunner.Run("count", "--encoding", "bytes", "--text", "abc", "--allow-special"));
    }
}
