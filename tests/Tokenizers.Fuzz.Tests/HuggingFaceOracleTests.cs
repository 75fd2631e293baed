using Tokenizers.Tests;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// The oracle is the one the reference vectors were made with: it reproduces every line of hf-vectors.jsonl, with and
/// without the post-processor, for all five models. A wrong binding or model version fails here, not in the fuzzing.
/// </summary>
public class HuggingFaceOracleTests
{
    public static TheoryData<string> Models => new(HuggingFaceModels.All);

    [Theory]
    [MemberData(nameof(Models))]
    public void OracleReproducesTheReferenceVectors(string model)
    {
        IReadOnlyList<HuggingFaceVector> vectors = HuggingFaceVectors.For(model);
        Assert.NotEmpty(vectors);
        List<string> texts = vectors.Select(v => v.Text).ToList();
        int[][] ids = HuggingFaceOracle.Shared.Encode(new HuggingFaceBatch(model, texts));
        int[][] withSpecial = HuggingFaceOracle.Shared.Encode(new HuggingFaceBatch(model, texts, AddSpecialTokens: true));
        var differ = new List<string>();
        for (int i = 0; i < vectors.Count; i++)
        {
            if (!ids[i].AsSpan().SequenceEqual(vectors[i].Ids)) differ.Add(vectors[i].Name + " ids");
            if (!withSpecial[i].AsSpan().SequenceEqual(vectors[i].IdsWithSpecial)) differ.Add(vectors[i].Name + " ids_with_special");
        }
        Assert.True(differ.Count == 0, $"{differ.Count} vectors differ: " + string.Join(", ", differ.Take(20)));
    }

    [Fact]
    public void OneTextAtATimeMatchesTheBatch()
    {
        HuggingFaceVector v = HuggingFaceVectors.For("qwen3").First(v => v.Name == "chat-qwen");
        Assert.Equal(v.Ids, HuggingFaceOracle.Shared.Encode("qwen3", v.Text));
        Assert.Equal(v.IdsWithSpecial, HuggingFaceOracle.Shared.Encode("qwen3", v.Text, addSpecialTokens: true));
    }
}
