using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Issue 9: every Hugging Face reference vector of the byte-level models through `tokenizers encode --tokenizer
/// tokenizer.json --jsonl --allow-special` (Hugging Face always matches added tokens), and with `--add-special-tokens`.
/// </summary>
public class CliHuggingFaceVectorTests
{
    public static TheoryData<string> Models => ["llama3", "qwen3", "deepseek_v3"];

    private static List<int[]> EncodeJsonl(string model, IEnumerable<string> texts, bool addSpecialTokens)
    {
        using var folder = new TempFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllLines(input, texts.Select(t => JsonSerializer.Serialize(new { text = t })));
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter();
        string[] args = ["encode", "--tokenizer", HuggingFaceModels.TokenizerJson(model), "--jsonl", input, "--allow-special"];
        if (addSpecialTokens) args = [.. args, "--add-special-tokens"];
        Assert.True(Program.Run(args, stdout, stderr) == 0, stderr.ToString());
        return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<int[]>(l)!).ToList();
    }

    [Theory, MemberData(nameof(Models))]
    public void IdsMatchHuggingFace(string model)
    {
        var vectors = HuggingFaceVectors.For(model);
        Assert.Equal(310, vectors.Count);
        var lines = EncodeJsonl(model, vectors.Select(v => v.Text), addSpecialTokens: false);
        Assert.Equal(vectors.Count, lines.Count);
        var wrong = vectors.Where((v, i) => !v.Ids.SequenceEqual(lines[i])).Select(v => v.Name).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }

    [Theory, MemberData(nameof(Models))]
    public void IdsWithSpecialTokensMatchHuggingFace(string model)
    {
        var vectors = HuggingFaceVectors.For(model);
        var lines = EncodeJsonl(model, vectors.Select(v => v.Text), addSpecialTokens: true);
        Assert.Equal(vectors.Count, lines.Count);
        var wrong = vectors.Where((v, i) => !v.IdsWithSpecial.SequenceEqual(lines[i])).Select(v => v.Name).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }
}
