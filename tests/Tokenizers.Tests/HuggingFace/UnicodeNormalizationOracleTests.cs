using System.Text;
using System.Text.Json.Nodes;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Our NFC, NFD, NFKC, NFKD and Lowercase normalizers against Hugging Face's own (the Rust core through
/// <see cref="HfOracle"/>), which are read back exactly through a tokenizer.json whose model gives each UTF-8 byte its
/// value as id: every code point, and random runs of the characters that decompose, compose and reorder. They hold in
/// both of .NET's globalization modes: with ICU, as the tests run, and invariant, as the tool runs (this assembly run
/// again in a process of its own).
/// </summary>
public sealed class UnicodeNormalizationOracleTests(ITestOutputHelper output)
{
    public static TheoryData<string> Forms => new() { "NFC", "NFD", "NFKC", "NFKD" };

    public static TheoryData<string> Normalizers => new() { "NFC", "NFD", "NFKC", "NFKD", "Lowercase" };

    [Theory]
    [MemberData(nameof(Normalizers))]
    public void Every_code_point_normalizes_as_in_Hugging_Face(string form)
    {
        // Each code point followed by a line feed, which nothing composes or reorders with.
        var texts = new List<string>();
        var chunk = new StringBuilder();
        for (int cp = 0x80; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF) continue;
            chunk.Append(char.ConvertFromUtf32(cp)).Append('\n');
            if (chunk.Length < 16_000) continue;
            texts.Add(chunk.ToString());
            chunk.Clear();
        }
        texts.Add(chunk.ToString());
        Compare(form, texts, byLine: true);
    }

    /// <summary>The theory above in a process without ICU, where .NET's string.Normalize changes nothing.</summary>
    [Fact]
    public void Every_code_point_normalizes_as_in_Hugging_Face_in_invariant_mode()
    {
        // An xunit.v3 test assembly is a program: run it on that one theory.
        string method = $"{typeof(UnicodeNormalizationOracleTests).FullName}.{nameof(Every_code_point_normalizes_as_in_Hugging_Face)}";
        var (exitCode, childOutput) = DotNet.Run(AppContext.BaseDirectory, new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" },
            typeof(UnicodeNormalizationOracleTests).Assembly.Location, "-method", method, "-noColor");
        output.WriteLine(childOutput);
        Assert.True(exitCode == 0, childOutput);
        Assert.Contains($"Total: {Normalizers.Count}, Errors: 0, Failed: 0", childOutput);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Runs_of_marks_and_composing_chars_normalize_as_in_Hugging_Face(string form)
    {
        int seed = Environment.TickCount;
        var random = new Random(seed);
        int[][] pools = [Marks(), Composing(), Decomposing(), [.. "abcAEIOU 가\u1100\u1161\u11A8\u0B92\u0BBE\u0BD7\u3099\u0345"]];
        var texts = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (int n = random.Next(1, 13); n > 0; n--)
            {
                int[] pool = pools[random.Next(pools.Length)];
                text.Append(char.ConvertFromUtf32(pool[random.Next(pool.Length)]));
            }
            texts.Add(text.ToString());
        }
        output.WriteLine($"seed {seed}");
        Compare(form, texts, byLine: false);
    }

    private void Compare(string form, List<string> texts, bool byLine)
    {
        string dir = Directory.CreateTempSubdirectory("hf-normalizer-").FullName;
        try
        {
            int[][] ids = HfOracle.Encode(WriteByteModel(dir, form), texts);
            TextNormalizer normalizer = form == "Lowercase" ? LowercaseNormalizer.Instance : new UnicodeFormNormalizer(form);
            var mismatches = new List<string>();
            for (int i = 0; i < texts.Count; i++)
            {
                string expected = Encoding.UTF8.GetString(ids[i].Select(id => (byte)id).ToArray());
                string actual = normalizer.Normalize(texts[i]) ?? texts[i];
                if (expected == actual) continue;
                if (!byLine)
                {
                    mismatches.Add($"{Hex(texts[i])}: HF {Hex(expected)}, ours {Hex(actual)}");
                    continue;
                }
                string[] inputs = texts[i].Split('\n'), theirs = expected.Split('\n'), ours = actual.Split('\n');
                for (int line = 0; line < inputs.Length; line++)
                {
                    if (theirs.ElementAtOrDefault(line) != ours.ElementAtOrDefault(line))
                        mismatches.Add($"{Hex(inputs[line])}: HF {Hex(theirs.ElementAtOrDefault(line) ?? "")}, ours {Hex(ours.ElementAtOrDefault(line) ?? "")}");
                }
            }
            output.WriteLine($"{form}: {texts.Count} texts, {mismatches.Count} mismatches");
            Assert.True(mismatches.Count == 0, $"{form}: {mismatches.Count} differ from Hugging Face:\n" + string.Join("\n", mismatches.Take(20)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A byte-level BPE without merges whose id of each byte is its value, after the form's normalizer.</summary>
    private static string WriteByteModel(string dir, string form)
    {
        var vocab = new JsonObject();
        for (int b = 0; b < 256; b++) vocab[ByteLevelAlphabet.ToChar((byte)b).ToString()] = b;
        var root = new JsonObject
        {
            ["version"] = "1.0", ["truncation"] = null, ["padding"] = null, ["added_tokens"] = new JsonArray(),
            ["normalizer"] = new JsonObject { ["type"] = form },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false },
            ["post_processor"] = null, ["decoder"] = null,
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = null,
                ["end_of_word_suffix"] = null, ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false,
                ["vocab"] = vocab, ["merges"] = new JsonArray(),
            },
        };
        string path = Path.Combine(dir, "tokenizer.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    // Pools of the tables' own characters, plus those Hugging Face does not know (listed where they are tested).
    private static int[] Marks()
    {
        var marks = new List<int>();
        marks.AddRange(NormalizationTables.CombiningClassKeys.ToArray());
        marks.AddRange([0x7FD, 0x898, 0x1ABF, 0x1DF6, 0x11930, 0x10D24, 0x16FF0]);
        return [.. marks];
    }

    private static int[] Composing()
    {
        var chars = new HashSet<int>(NormalizationTables.CompositionValues.ToArray());
        foreach (long pair in NormalizationTables.CompositionKeys) chars.UnionWith([(int)(pair >> 21), (int)(pair & 0x1FFFFF)]);
        chars.UnionWith([0x11935, 0x11938, 0x1133B]);
        return [.. chars];
    }

    private static int[] Decomposing()
    {
        var chars = new List<int>(NormalizationTables.CanonicalKeys.ToArray());
        chars.AddRange(NormalizationTables.CompatibilityKeys.ToArray());
        chars.AddRange([0x32FF, 0x1F16C, 0xA7F2, 0x1E030, 0xFFFE]);
        return [.. chars];
    }

    private static string Hex(string text) => string.Join(" ", text.EnumerateRunes().Select(r => $"{r.Value:X4}"));
}
