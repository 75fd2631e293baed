using System.Text.Json;

namespace Tokenizers.Tests;

/// <summary>
/// One line of ../shared/vectors/hf-vectors.jsonl, made by Hugging Face tokenizers 0.22.2 (Rust core):
/// <see cref="Ids"/> = <c>encode(text, add_special_tokens=False)</c> (added tokens in the text matched),
/// <see cref="IdsWithSpecial"/> = <c>encode(text, add_special_tokens=True)</c> (the post-processor's BOS/EOS too).
/// </summary>
public sealed record HuggingFaceVector(string Model, string Name, string Text, int[] Ids, int[] IdsWithSpecial)
{
    public override string ToString() => $"{Model}/{Name}";
}

public static class HuggingFaceVectors
{
    private static readonly Lazy<IReadOnlyList<HuggingFaceVector>> s_all = new(Load);

    public static IReadOnlyList<HuggingFaceVector> All => s_all.Value;

    public static IReadOnlyList<HuggingFaceVector> For(string model) => All.Where(v => v.Model == model).ToList();

    private static IReadOnlyList<HuggingFaceVector> Load()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return File.ReadLines(SharedData.Path_("vectors", "hf-vectors.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<HuggingFaceVector>(l, options)!)
            .ToList();
    }
}
