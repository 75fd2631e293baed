using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// BPE models with <c>continuing_subword_prefix</c> and <c>end_of_word_suffix</c> (no model we test with sets them,
/// so these are synthetic: random merges over affixed symbols, written as tokenizer.json by the test) against Hugging
/// Face's Rust core, loaded by <see cref="TokenizerFile.Load(string)"/> (the table builder the generator runs too):
/// byte-level and char-level, prefix, suffix or both, unk fused or not or chars dropped, ignore_merges. Random strings
/// over the models' alphabets, with "##", "&lt;/w&gt;" and chars outside the vocabulary; the ids and Hugging Face's
/// decode of its ids are compared. The seed changes every run (<c>TOKENIZERS_FUZZ_SEED</c> repeats one).
/// </summary>
public class AffixModelFuzzTests
{
    private const int DefaultStrings = 20_000;
    private const int BatchSize = 500;

    private sealed record Model(string Name, bool ByteLevel, string? Prefix, string? Suffix, string? Unk = null, bool FuseUnk = false,
        bool IgnoreMerges = false);

    private static readonly Model[] Models =
    [
        new("bl-both", ByteLevel: true, "##", "</w>"),
        new("bl-suffix-unk", ByteLevel: true, null, "</w>", Unk: "<unk>"),
        new("bl-prefix-whole", ByteLevel: true, "##", null, IgnoreMerges: true),
        new("chars-both-fused", ByteLevel: false, "##", "</w>", Unk: "<unk>", FuseUnk: true),
        new("chars-prefix-unk", ByteLevel: false, "@@", null, Unk: "<unk>"),
        new("chars-suffix-dropped", ByteLevel: false, null, "</w>"),
    ];

    private static readonly string[] Fragments =
        ["a", "b", "c", "d", "e", "ab", "abc", "cab", "dd", "#", "##", "@@", "</w>", "<", "/", "w", ">", " ", "  ", "é", "ü", "😀", "x", "\n", "1"];

    [Fact]
    public void SyntheticAffixModelsMatchHuggingFace()
    {
        int seed = FuzzSettings.Seed();
        int strings = FuzzSettings.Strings(DefaultStrings);
        string directory = Path.Combine(Path.GetTempPath(), "tokenizers-affix-" + Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();
        try
        {
            var ours = new Dictionary<string, ITokenizer>();
            var random = new Random(seed);
            foreach (Model model in Models)
            {
                string path = Path.Combine(directory, model.Name, "tokenizer.json");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Json(model, random));
                ours[model.Name] = TokenizerFile.Load(path);
            }

            var batches = new List<HuggingFaceBatch>();
            for (int i = 0; i < strings; i += BatchSize)
            {
                var texts = new List<string>(BatchSize);
                for (int k = 0; k < BatchSize && i + k < strings; k++) texts.Add(Text(random));
                batches.Add(new HuggingFaceBatch(Models[batches.Count % Models.Length].Name, texts));
            }

            using var oracle = new HuggingFaceOracle(directory);
            var report = new FuzzReport(seed, strings, "Hugging Face tokenizers 0.22.2 on synthetic affixed BPE models");
            var mismatches = new List<(string Model, string Text)>();
            var decodes = new List<(string Model, IReadOnlyList<int[]> Ids)>();
            oracle.Run(batches, (b, theirs) =>
            {
                HuggingFaceBatch batch = batches[b];
                decodes.Add((batch.Model, theirs));
                for (int k = 0; k < theirs.Length; k++)
                {
                    report.Comparisons++;
                    report.Chars += batch.Texts[k].Length;
                    if (ours[batch.Model].EncodeToIds(batch.Texts[k], SpecialTokenPolicy.All).SequenceEqual(theirs[k])) continue;
                    report.Mismatches++;
                    mismatches.Add((batch.Model, batch.Texts[k]));
                }
            });
            var decodeMismatches = new List<string>();
            oracle.Decode(decodes, (b, theirs) =>
            {
                var (model, ids) = decodes[b];
                for (int k = 0; k < theirs.Length; k++)
                {
                    report.Comparisons++;
                    string decoded = ours[model].Decode(ids[k]);
                    if (decoded == theirs[k]) continue;
                    report.Mismatches++;
                    decodeMismatches.Add($"{model} decode of [{string.Join(", ", ids[k])}]: ours {Differential.Literal(decoded)}, Hugging Face {Differential.Literal(theirs[k])}");
                }
            });
            report.CompareTime = clock.Elapsed;

            foreach (var (model, text) in mismatches.DistinctBy(m => m.Model).Take(6))
            {
                ITokenizer tokenizer = ours[model];
                string minimal = Differential.Shrink(text, t => !tokenizer.EncodeToIds(t, SpecialTokenPolicy.All).SequenceEqual(oracle.Encode(model, t)));
                report.Reproducers.Add($"{model}: {Differential.Literal(minimal)}\n    ours:         [{string.Join(", ", tokenizer.EncodeToIds(minimal, SpecialTokenPolicy.All))}]\n"
                    + $"    Hugging Face: [{string.Join(", ", oracle.Encode(model, minimal))}]");
            }
            report.Reproducers.AddRange(decodeMismatches.Take(4));
            report.TotalTime = clock.Elapsed;
            TestContext.Current.TestOutputHelper?.WriteLine(report.Mismatches == 0 ? report.Summary : report.Describe());
            Assert.True(report.Mismatches == 0, report.Describe());
            Assert.True(report.Comparisons >= 2L * strings);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Text(Random random)
    {
        var sb = new StringBuilder();
        int count = random.Next(0, 10);
        for (int i = 0; i < count; i++) sb.Append(Fragments[random.Next(Fragments.Length)]);
        return sb.ToString();
    }

    /// <summary>
    /// A tokenizer.json whose vocabulary is every alphabet char in each of its affixed forms (byte-level: all 256 byte
    /// chars plain, only some affixed, so other chars are unk or dropped) plus what 150 random merges make; each merge
    /// joins a symbol that does not end a word with one that does not start one, as merging can meet them. A few merge
    /// a right part without the prefix (Hugging Face still cuts its length off) and a few list a pair again. Ids are
    /// shuffled, so the id order says nothing about the merge order.
    /// </summary>
    private static string Json(Model model, Random random)
    {
        string prefix = model.Prefix ?? "", suffix = model.Suffix ?? "";
        var alphabet = new List<string>();
        if (model.ByteLevel) foreach (char c in "abcd#<>/wĠÃ©") alphabet.Add(c.ToString());
        else alphabet.AddRange(["a", "b", "c", "d", "e", "#", "@", "<", "/", "w", ">", " ", "é", "😀"]);

        var tokens = new List<string>();
        var known = new HashSet<string>();
        void Add(string token)
        {
            if (known.Add(token)) tokens.Add(token);
        }
        if (model.ByteLevel) foreach (char c in ByteLevelAlphabet.Chars) Add(c.ToString());
        if (model.Unk is not null) Add(model.Unk);
        // (text, first, last) of every symbol, as merging can meet it.
        var symbols = new List<(string Text, bool First, bool Last)>();
        foreach (string c in alphabet)
            foreach (bool first in new[] { true, false })
                foreach (bool last in new[] { true, false })
                {
                    if (!model.ByteLevel && c == "e" && !first && last) continue; // a char whose last form is unknown
                    symbols.Add((c, first, last));
                    Add(Spell(c, first, last));
                }

        var merges = new List<string[]>();
        for (int i = 0; i < 150; i++)
        {
            var left = symbols[random.Next(symbols.Count)];
            var right = symbols[random.Next(symbols.Count)];
            if (left.Last || right.First || left.Text.Length + right.Text.Length > 8) continue;
            var made = (left.Text + right.Text, left.First, right.Last);
            merges.Add([Spell(left.Text, left.First, false), Spell(right.Text, false, right.Last)]);
            if (!symbols.Contains(made)) symbols.Add(made);
            Add(Spell(made.Item1, made.First, made.Last));
        }
        for (int i = 0; i < 5 && merges.Count > 0; i++) merges.Add(merges[random.Next(merges.Count)]);
        if (prefix.Length > 0)
            for (int i = 0; i < 3; i++)
            {
                // The right part "xyz" has no prefix: Hugging Face makes left + "xyz"[prefix.Length..].
                string left = Spell(alphabet[random.Next(alphabet.Count)], true, false);
                string right = "zz" + alphabet[random.Next(alphabet.Count)];
                Add(right);
                Add(left + right.Substring(Encoding.UTF8.GetByteCount(prefix)));
                merges.Insert(random.Next(merges.Count), [left, right]);
            }
        if (model.IgnoreMerges) foreach (string whole in new[] { "abcd", "dcba", "##a", "<w>" }) Add(whole);

        var order = tokens.OrderBy(_ => random.Next()).ToList();
        var vocab = new Dictionary<string, int>();
        for (int i = 0; i < order.Count; i++) vocab[order[i]] = i;

        var root = new Dictionary<string, object?>
        {
            ["version"] = "1.0",
            ["added_tokens"] = Array.Empty<object>(),
            ["normalizer"] = null,
            ["pre_tokenizer"] = model.ByteLevel
                ? new Dictionary<string, object> { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = true }
                : new Dictionary<string, object> { ["type"] = "Split", ["pattern"] = new Dictionary<string, string> { ["String"] = " " }, ["behavior"] = "MergedWithNext", ["invert"] = false },
            ["post_processor"] = null,
            ["decoder"] = model.ByteLevel
                ? new Dictionary<string, object> { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = true }
                : new Dictionary<string, object> { ["type"] = "Fuse" },
            ["model"] = new Dictionary<string, object?>
            {
                ["type"] = "BPE",
                ["dropout"] = null,
                ["unk_token"] = model.Unk,
                ["continuing_subword_prefix"] = model.Prefix,
                ["end_of_word_suffix"] = model.Suffix,
                ["fuse_unk"] = model.FuseUnk,
                ["byte_fallback"] = false,
                ["ignore_merges"] = model.IgnoreMerges,
                ["vocab"] = vocab,
                ["merges"] = merges,
            },
        };
        return JsonSerializer.Serialize(root);

        string Spell(string text, bool first, bool last) => (first ? "" : prefix) + text + (last ? suffix : "");
    }
}
