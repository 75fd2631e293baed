using System.Diagnostics;
using System.Threading;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The piece encoder against Hugging Face's Rust core on the real byte-level models. The oracle runs a copy of each
/// tokenizer.json reduced to the model alone (<see cref="HfOracle.ModelOnlyCopy"/>), so each random text is one piece
/// and Hugging Face's ids are the BPE model's own.
/// </summary>
public sealed class BpePieceEncoderDifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<string> Models => new(HfModelFiles.ByteLevelModels);

    [Theory]
    [MemberData(nameof(Models))]
    public void Random_texts_give_Hugging_Faces_ids(string model)
    {
        string path = HfModelFiles.Require(model);
        var file = TestBpeFile.Load(path);
        var clock = Stopwatch.StartNew();
        var (tables, encoder) = file.Compile();
        output.WriteLine($"{model}: tables built in {clock.ElapsedMilliseconds} ms; {tables.Summary}");

        int seed = Environment.TickCount;
        var random = new RandomText(seed);
        var texts = new List<string>();
        for (int i = 0; i < 3000; i++) texts.Add(random.Next());

        string dir = Directory.CreateTempSubdirectory("hf-model-only-").FullName;
        int[][] expected;
        try
        {
            expected = HfOracle.Encode(HfOracle.ModelOnlyCopy(path, dir), texts);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        int mismatches = 0;
        var first = new List<string>();
        for (int i = 0; i < texts.Count; i++)
        {
            int[] actual = Encode(encoder, texts[i]);
            if (actual.AsSpan().SequenceEqual(expected[i])) continue;
            mismatches++;
            if (first.Count < 5)
                first.Add($"{Escape(texts[i])}\n  HF:   [{string.Join(", ", expected[i])}]\n  ours: [{string.Join(", ", actual)}]");
        }
        Assert.True(mismatches == 0, $"{model}, seed {seed}: {mismatches} of {texts.Count} texts differ:\n" + string.Join("\n", first));
    }

    internal static int[] Encode(BpePieceEncoder encoder, string text)
    {
        var ids = new int[text.Length * 3 + 1];
        int count = encoder.Encode(text.AsSpan(), ids);
        return ids[..count];
    }

    internal static string Escape(string s)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (char c in s)
            sb.Append(c is >= ' ' and < '\u007F' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        return sb.Append('"').ToString();
    }
}
