using System.Text;
using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Issues 9 and 10: every Hugging Face reference vector of the byte-level and SentencePiece-style models through
/// `tokenizers encode --tokenizer tokenizer.json --jsonl --allow-special` (Hugging Face always matches added tokens), and
/// with `--add-special-tokens`; and `decode --tokenizer` of the SentencePiece models' ids against Hugging Face's decode.
/// </summary>
public class CliHuggingFaceVectorTests
{
    public static TheoryData<string> Models => new(HuggingFaceModels.All);

    public static TheoryData<string> SentencePieceModels => new(HuggingFaceModels.SentencePiece);

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

    /// <summary>
    /// The vectors through the tool as users run it: its own process, in the globalization-invariant mode its
    /// runtimeconfig sets, where .NET's string.Normalize changes nothing (Qwen3's NFC must still compose the 59
    /// vectors with a decomposed <c>e</c> + U+0301) and casing and Unicode categories come from .NET's own tables.
    /// </summary>
    [Theory, MemberData(nameof(Models))]
    public void TheToolGivesHuggingFacesIdsWithoutIcu(string model)
    {
        var vectors = HuggingFaceVectors.For(model);
        if (model == "qwen3") Assert.Contains(vectors, v => !v.Text.IsNormalized(NormalizationForm.FormC));
        using var folder = new TempFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllLines(input, vectors.Select(v => JsonSerializer.Serialize(new { text = v.Text })));
        string stdout = RunTool("encode", "--tokenizer", HuggingFaceModels.TokenizerJson(model), "--jsonl", input, "--allow-special", "--no-cache");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<int[]>(l)!).ToList();
        Assert.Equal(vectors.Count, lines.Count);
        var wrong = vectors.Where((v, i) => !v.Ids.SequenceEqual(lines[i])).Select(v => v.Name).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }

    /// <summary>Claude's NFKC makes <c>…</c> three dots in the tool's invariant mode too, as Hugging Face does (<c>[1174]</c>).</summary>
    [Fact]
    public void TheToolAppliesNfkcWithoutIcu()
    {
        Assert.Equal("1174\n", RunTool("encode", "--tokenizer", HuggingFaceModels.TokenizerJson("claude"), "--text", "…", "--no-cache"));
    }

    /// <summary>The tool's own process (its runtimeconfig, which sets invariant mode) on <paramref name="args"/>; its standard output.</summary>
    private static string RunTool(params string[] args)
    {
        var (exitCode, output) = DotNet.Run(AppContext.BaseDirectory, new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" },
            [Path.Combine(AppContext.BaseDirectory, "Tokenizers.Cli.dll"), .. args]);
        Assert.True(exitCode == 0, output);
        return output;
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

    /// <summary>
    /// All the vectors' ids in one `decode --input` (byte-fallback tokens, added tokens and meta spaces meet at the
    /// joins), against Hugging Face's decode of the same ids.
    /// </summary>
    [Theory, MemberData(nameof(SentencePieceModels))]
    public void DecodeMatchesHuggingFace(string model)
    {
        int[] ids = HuggingFaceVectors.For(model).SelectMany(v => v.Ids).ToArray();
        string expected = HuggingFaceDecodes.Decode(model, [ids])[0];
        using var folder = new TempFolder();
        string input = folder.File("ids.txt");
        File.WriteAllText(input, string.Join(' ', ids));
        var (exitCode, stdout, stderr) = CliRunner.RunBuiltIn("decode", "--tokenizer", HuggingFaceModels.TokenizerJson(model), "--input", input);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal(expected, stdout);
    }
}
