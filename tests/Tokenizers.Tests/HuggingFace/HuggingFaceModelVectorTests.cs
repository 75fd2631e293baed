using System.Text;
using System.Text.Json;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The byte-level models against Hugging Face tokenizers 0.22.2's ids in <c>../shared/vectors/hf-vectors.jsonl</c>:
/// <c>ids</c> = encode(text, add_special_tokens=False) with every added token matched, <c>ids_with_special</c> with the
/// post-processor; decoding the ids gives the normalized text.
/// </summary>
public class HuggingFaceModelVectorTests
{
    public static TheoryData<string> Models => new(HfModelFiles.ByteLevelModels);

    private static IEnumerable<(string Name, string Text, int[] Ids, int[] WithSpecial)> Vectors(string model)
    {
        foreach (string line in File.ReadLines(SharedData.Path_("vectors", "hf-vectors.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("model").GetString() != model) continue;
            yield return (root.GetProperty("name").GetString()!, root.GetProperty("text").GetString()!,
                root.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                root.GetProperty("ids_with_special").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        }
    }

    private static string Normalized(string model, string text) => model == "qwen3" ? text.Normalize(NormalizationForm.FormC) : text;

    [Theory]
    [MemberData(nameof(Models))]
    public void Ids_match_hugging_face(string model)
    {
        var tokenizer = HfTestModels.Load(model);
        var failures = new List<string>();
        int count = 0;
        foreach (var (name, text, ids, withSpecial) in Vectors(model))
        {
            count++;
            int[] actual = tokenizer.EncodeToIds(text, SpecialTokenPolicy.All).ToArray();
            if (!actual.SequenceEqual(ids)) failures.Add($"{name}: ids [{string.Join(",", actual.Take(40))}] != [{string.Join(",", ids.Take(40))}]");
            int[] actualSpecial = tokenizer.EncodeToIds(text, SpecialTokenPolicy.All, addSpecialTokens: true).ToArray();
            if (!actualSpecial.SequenceEqual(withSpecial)) failures.Add($"{name}: ids_with_special differ");
            if (tokenizer.CountTokens(text, SpecialTokenPolicy.All) != ids.Length) failures.Add($"{name}: count differs");
            string decoded = tokenizer.Decode(ids);
            if (decoded != Normalized(model, text)) failures.Add($"{name}: decode differs");
        }
        Assert.Equal(310, count);
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Span_encoding_resumes_to_the_same_ids(string model)
    {
        var tokenizer = HfTestModels.Load(model);
        foreach (var (name, text, ids, _) in Vectors(model).Where((_, i) => i % 7 == 0))
        {
            var all = new List<int>();
            var buffer = new int[5];
            int pos = 0;
            while (true)
            {
                var status = tokenizer.EncodeToIds(text.AsSpan(pos), buffer, out int consumed, out int written, SpecialTokenPolicy.All);
                all.AddRange(buffer.Take(written));
                pos += consumed;
                if (status == System.Buffers.OperationStatus.Done) break;
                if (consumed == 0 && written == 0) { buffer = new int[buffer.Length * 2]; }
            }
            Assert.True(ids.SequenceEqual(all), name);
        }
    }
}
