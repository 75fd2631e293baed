using System.Text;
using Tokenizers.Tests;

namespace Tokenizers.HuggingFace.Tests;

/// <summary>
/// Every line of ../shared/vectors/hf-vectors.jsonl for a model, through the generated class and through
/// <c>TokenizerFile.Load</c>: the ids with added tokens matched (<see cref="SpecialTokenPolicy.All"/>, as Hugging Face
/// always does), the ids with the post-processor's BOS/EOS, and the decoded text. Every mismatch is reported.
/// </summary>
public class VectorTests
{
    private const int MaxReported = 12;

    public static TheoryData<string, TokenizerSource> Cases()
    {
        var data = new TheoryData<string, TokenizerSource>();
        foreach (string model in HuggingFaceModels.All)
            foreach (TokenizerSource source in Enum.GetValues<TokenizerSource>())
                data.Add(model, source);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryVectorMatchesHuggingFace(string model, TokenizerSource source)
    {
        ITokenizer tokenizer = ModelTokenizers.Get(model, source);
        IReadOnlyList<HuggingFaceVector> vectors = HuggingFaceVectors.For(model);
        Assert.NotEmpty(vectors);
        IReadOnlyList<string>? decodes = HuggingFaceModels.SentencePiece.Contains(model) ? HuggingFaceDecodes.For(model, vectors) : null;
        int row = 0;
        var failures = new List<string>();
        foreach (HuggingFaceVector v in vectors)
        {
            Check(failures, v, "ids", v.Ids, () => tokenizer.EncodeToIds(v.Text, SpecialTokenPolicy.All));
            Check(failures, v, "ids_with_special", v.IdsWithSpecial,
                () => tokenizer.EncodeToIds(v.Text, SpecialTokenPolicy.All, addSpecialTokens: true));
            string expected = decodes?[row] ?? DecodedText(model, v.Text);
            row++;
            string decoded;
            try
            {
                decoded = tokenizer.Decode(v.Ids);
            }
            catch (Exception e)
            {
                failures.Add($"{v.Name} decode: {e.GetType().Name}: {e.Message}");
                continue;
            }
            if (decoded != expected)
                failures.Add($"{v.Name} decode: differs from char {FirstDifference(expected, decoded)} (expected {expected.Length} chars, got {decoded.Length})");
        }
        Assert.True(failures.Count == 0,
            $"{model} ({source}): {failures.Count} of {vectors.Count * 3} checks differ from Hugging Face:\n"
            + string.Join("\n", failures.Take(MaxReported)) + (failures.Count > MaxReported ? "\n..." : ""));
    }

    /// <summary>
    /// What Hugging Face's decode gives back for the ids of <paramref name="text"/> of a byte-level model: the text after
    /// the model's normalizer. (A SentencePiece-style model's decode is asked of Hugging Face: its normalizer puts a
    /// meta space before each piece between added tokens, which the decoder turns into a space.)
    /// </summary>
    private static string DecodedText(string model, string text) =>
        model == "qwen3" ? text.Normalize(NormalizationForm.FormC) : text;

    private static void Check(List<string> failures, HuggingFaceVector v, string what, int[] expected, Func<IReadOnlyList<int>> encode)
    {
        IReadOnlyList<int> actual;
        try
        {
            actual = encode();
        }
        catch (Exception e)
        {
            failures.Add($"{v.Name} {what}: {e.GetType().Name}: {e.Message}");
            return;
        }
        if (actual.SequenceEqual(expected)) return;
        int at = 0;
        while (at < expected.Length && at < actual.Count && expected[at] == actual[at]) at++;
        failures.Add($"{v.Name} {what}: first difference at id {at} of {expected.Length}: "
            + $"Hugging Face [{Slice(expected, at)}], ours [{Slice(actual, at)}] ({actual.Count} ids)");
    }

    private static string Slice(IReadOnlyList<int> ids, int at) =>
        (at > 0 ? "... " : "") + string.Join(", ", ids.Skip(at).Take(8)) + (ids.Count > at + 8 ? " ..." : "");

    private static int FirstDifference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }
}
