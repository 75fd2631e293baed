using System.Text.Json;

namespace Tokenizers.Cli.Tests;

/// <summary>Every record of tiktoken's reference vectors, through `tokenizers encode --jsonl` with the built-in encodings.</summary>
public class CliVectorTests
{
    private sealed record Vector(string Encoding, string Name, string Text, int[] Ids, int[]? IdsAllowingSpecial);

    private static readonly Lazy<List<Vector>> s_vectors = new(() =>
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        string path = Path.Combine(RepoPaths.Root, "..", "shared", "vectors", "tiktoken-vectors.jsonl");
        return File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Vector>(l, options)!).ToList();
    });

    public static TheoryData<string> Encodings => ["gpt2", "r50k_base", "p50k_base", "cl100k_base", "o200k_base"];

    private static List<int[]> EncodeJsonl(string encoding, IEnumerable<string> texts, bool allowSpecial)
    {
        using var folder = new TempFolder();
        string input = folder.File("in.jsonl");
        File.WriteAllLines(input, texts.Select(t => JsonSerializer.Serialize(new { text = t })));
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter();
        string[] args = allowSpecial
            ? ["encode", "--encoding", encoding, "--jsonl", input, "--allow-special"]
            : ["encode", "--encoding", encoding, "--jsonl", input];
        Assert.Equal(0, Program.Run(args, stdout, stderr));
        return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<int[]>(l)!).ToList();
    }

    [Theory, MemberData(nameof(Encodings))]
    public void OrdinaryIdsMatch(string encoding)
    {
        var vectors = s_vectors.Value.Where(v => v.Encoding == encoding).ToList();
        Assert.NotEmpty(vectors);
        var lines = EncodeJsonl(encoding, vectors.Select(v => v.Text), allowSpecial: false);
        Assert.Equal(vectors.Count, lines.Count);
        for (int i = 0; i < vectors.Count; i++) Assert.True(vectors[i].Ids.SequenceEqual(lines[i]), vectors[i].Name);
    }

    [Theory, MemberData(nameof(Encodings))]
    public void SpecialAllowingIdsMatch(string encoding)
    {
        var vectors = s_vectors.Value.Where(v => v.Encoding == encoding && v.IdsAllowingSpecial is not null).ToList();
        Assert.NotEmpty(vectors);
        var lines = EncodeJsonl(encoding, vectors.Select(v => v.Text), allowSpecial: true);
        Assert.Equal(vectors.Count, lines.Count);
        for (int i = 0; i < vectors.Count; i++) Assert.True(vectors[i].IdsAllowingSpecial!.SequenceEqual(lines[i]), vectors[i].Name);
    }
}
