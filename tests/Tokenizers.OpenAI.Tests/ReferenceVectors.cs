using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.OpenAI.Tests;

/// <summary>One record of ../shared/vectors/tiktoken-vectors.jsonl (made with tiktoken's Rust core).</summary>
public sealed record ReferenceVector(string Encoding, string Name, string Text, int[] Ids, int[]? IdsAllowingSpecial)
{
    public override string ToString() => $"{Encoding}/{Name}";
}

public static class ReferenceVectors
{
    private static readonly Lazy<IReadOnlyList<ReferenceVector>> s_all = new(Load);

    public static IReadOnlyList<ReferenceVector> All => s_all.Value;

    public static TheoryData<string> Names(string encoding)
    {
        var data = new TheoryData<string>();
        foreach (var v in All)
            if (v.Encoding == encoding) data.Add(v.Name);
        return data;
    }

    public static ReferenceVector Get(string encoding, string name) => All.Single(v => v.Encoding == encoding && v.Name == name);

    private static IReadOnlyList<ReferenceVector> Load()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return File.ReadLines(SharedData.Path_("vectors", "tiktoken-vectors.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<ReferenceVector>(l, options)!)
            .ToList();
    }
}
