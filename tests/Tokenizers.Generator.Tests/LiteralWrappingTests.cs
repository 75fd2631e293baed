using System.Text;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 12 §10: the generated data file is wrapped so that an editor can open it (o200k's was one 3.4 MB line), and
/// the wrapped literals are still one constant: the tokenizer reads the same tables.
/// </summary>
public sealed class LiteralWrappingTests
{
    [Fact]
    public void ADataFileOfLargeTablesHasShortLinesAndTheSameTokenizer()
    {
        // The 256 bytes, then 3,000 two-byte tokens (each a merge of two bytes): tables of tens of thousands of chars.
        var ranks = new StringBuilder();
        for (int b = 0; b < 256; b++) ranks.Append(Convert.ToBase64String([(byte)b])).Append(' ').Append(b).Append('\n');
        int rank = 256;
        for (int x = 0x20; x < 0x7F && rank < 256 + 3000; x++)
            for (int y = 0x20; y < 0x7F && rank < 256 + 3000; y++)
                ranks.Append(Convert.ToBase64String([(byte)x, (byte)y])).Append(' ').Append(rank++).Append('\n');
        var (result, output) = GeneratorHarness.Run("using Tokenizers;\nnamespace M;\n[GeneratedTokenizer(\"big.tiktoken\")]\npublic partial class Tok;\n",
            GeneratorHarness.File("big.tiktoken", ranks.ToString()));
        Assert.Empty(result.Diagnostics);
        string data = result.Results[0].GeneratedSources.Single(s => s.HintName.Contains(".Data.", StringComparison.Ordinal)).SourceText.ToString();
        Assert.True(data.Length > 40_000, $"{data.Length} chars");
        int longest = data.Split('\n').Max(line => line.Length);
        // The first line also holds the property before its literal.
        Assert.True(longest <= Emit.LiteralWriter.LineWidth + 80, $"a line of {longest} chars");

        var tokenizer = (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("M.Tok")!)!;
        Assert.Equal([256], tokenizer.EncodeToIds("  "));
        Assert.Equal([256 + ('!' - 0x20) * 95 + ('!' - 0x20)], tokenizer.EncodeToIds("!!"));
        Assert.Equal("hello world", tokenizer.Decode(tokenizer.EncodeToIds("hello world")));
    }
}
