using System.Text;
using Tokenizers.Data;
using Tokenizers.OpenAI;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// <c>count</c> and <c>encode --input</c> on every core: the file is cut where the ids cannot change, the chunks encoded
/// by several threads as each takes the next group and delivered in order; any thread count gives the ids of encoding
/// the whole text.
/// </summary>
public sealed class CliParallelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>About 1.6 M chars, many chunk groups for every thread count: prose, scripts, emoji, code, long runs of one kind.</summary>
    private static string Corpus()
    {
        var documents = ParquetFiles.Documents(5600, seed: 5);
        var text = new StringBuilder();
        foreach (string? document in documents) text.Append(document).Append(document is null ? "\n\n" : " ");
        text.Append(new string('a', 70_000)).Append(' ').Append(new string(' ', 70_000)).Append("end");
        return text.ToString();
    }

    [Theory]
    [InlineData("cl100k_base")]
    [InlineData("gpt2")]
    public void AnyThreadCountGivesTheIdsOfTheWholeText(string encoding)
    {
        string text = Corpus();
        Assert.True(text.Length > 1_500_000, text.Length.ToString());
        string input = _folder.File("corpus.txt");
        File.WriteAllText(input, text, new UTF8Encoding(false));
        ITokenizer tokenizer = OpenAIEncodings.Get(encoding);
        int[] expected = [.. tokenizer.EncodeToIds(text)];
        TokenFileWidth width = TokenFile.WidthFor(tokenizer.VocabularySize);

        foreach (int threads in new[] { 1, 2, 3 })
        {
            var count = CliRunner.RunBuiltIn("count", "-e", encoding, "-i", input, "--threads", threads.ToString(), "--quiet");
            Assert.Equal((0, expected.Length + "\n", ""), count);
            string output = _folder.File($"tokens-{threads}.bin");
            var encode = CliRunner.RunBuiltIn("encode", "-e", encoding, "-i", input, "--output-tokens", output, "--threads", threads.ToString(), "--quiet");
            Assert.True(encode.ExitCode == 0, encode.Stderr);
            Assert.Equal(expected, TokenFile.ReadAll(output, width));
        }
        var printed = CliRunner.RunBuiltIn("encode", "-e", encoding, "-i", input, "--threads", "2");
        Assert.Equal(string.Join(' ', expected) + "\n", printed.Stdout);
    }

    [Fact]
    public void ThreadsMustBePositive()
    {
        var run = CliRunner.RunBuiltIn("count", "-e", "gpt2", "--text", "x", "--threads", "0");
        Assert.Equal((2, "tokenizers: error: --threads must be at least 1\n"), (run.ExitCode, run.Stderr));
    }
}
