using System.Text.Json;
using System.Text.Json.Nodes;
using Tokenizers.Compilation;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The whole pipeline against Hugging Face's Rust core (hf-pipeline.js): random hard text mixed with added-token text,
/// whole and cut, on the real byte-level models and on copies of Llama 3's file whose normalizer, pre-tokenizer,
/// added tokens and post-processor are swapped for the other components Hugging Face defines, so each is checked
/// against the reference rather than against a reading of its source.
/// </summary>
public sealed class HuggingFaceModelDifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<string> Models => new(HfModelFiles.ByteLevelModels);

    public static TheoryData<string> SentencePieceModels => new(HuggingFaceModels.SentencePiece);

    public static TheoryData<string> Variants => new(VariantEdits.Keys);

    public static TheoryData<string> MetaspaceVariants => new(MetaspaceEdits.Keys);

    [Theory]
    [MemberData(nameof(Models))]
    public void Real_models_give_Hugging_Faces_ids(string model)
    {
        string path = HfModelFiles.Require(model);
        Compare(model, path, HfTestModels.Load(model), 2000);
    }

    /// <summary>
    /// Llama 2 and Gemma 3 whole, on text with many spaces: their pieces are cut into words, and the words that are
    /// not one token take the backtracking encoder or the char merger, as the builder decided (the summary says which).
    /// </summary>
    [Theory]
    [MemberData(nameof(SentencePieceModels))]
    public void Real_SentencePiece_models_give_Hugging_Faces_ids(string model)
    {
        string path = HfModelFiles.Require(model);
        output.WriteLine($"{model}: {Summary(path)}");
        Compare(model, path, HfTestModels.Load(model), 2000);
    }

    /// <summary>
    /// Long texts on Llama 2 and Gemma 3, which normalize a window at a time (<c>WindowedNormalizer</c>): a window
    /// ends only where the model cuts words anyway, so the ids must be Hugging Face's over the whole text. The texts
    /// join hard strings with spaces, space runs, line breaks, literal "▁" and Gemma 3's "&gt;" before a space, and hold
    /// runs with no cut longer than a window (letters; spaces, which Gemma 3 merges into runs).
    /// </summary>
    [Theory]
    [MemberData(nameof(SentencePieceModels))]
    public void Long_SentencePiece_texts_give_Hugging_Faces_ids(string model)
    {
        string path = HfModelFiles.Require(model);
        var tokenizer = HfTestModels.Load(model);
        Assert.True(tokenizer.NormalizesInWindows, $"{model} should normalize long texts in windows");
        int seed = Environment.TickCount;
        var random = new RandomText(seed);
        var rng = new Random(seed);
        string[] joints = [" ", "  ", "\n", " \n ", "\u2581", "> ", ">  ", "", "\t", "    "];
        var texts = new List<string>();
        for (int i = 0; i < 24; i++)
        {
            var text = new System.Text.StringBuilder();
            int length = rng.Next(4_500, 30_000);
            while (text.Length < length)
            {
                text.Append(random.Next()).Append(joints[rng.Next(joints.Length)]);
                if (rng.Next(40) == 0) text.Append(rng.Next(2) == 0 ? ' ' : 'a', rng.Next(3_000, 9_000));
            }
            texts.Add(text.ToString());
        }
        // Every space after a char that a Gemma 3 token joins to it (">▁</"): no window may end there.
        texts.Add(string.Concat(Enumerable.Repeat("x> </ ", 3_000)));
        texts.Add(string.Join("> </", Enumerable.Range(0, 2_000).Select(_ => rng.Next(2) == 0 ? " y" : "\n")));
        CompareTexts($"{model}-long", path, tokenizer, texts, seed);
    }

    /// <summary>
    /// Pieces that spell a guarded token (one whose split the backtracking encoder would get wrong) inside a longer word,
    /// and ones that stop a byte short of one: the first must take Hugging Face's rule, the second may backtrack. Llama 3's
    /// guarded tokens include " cinsel", ".:.:", "maktadır", "министра" and "している"; Gemma 3's are runs of "▁", "\n"
    /// and "\t" (indentation) and "▁====…". With the guard check disabled, a text of each model differs.
    /// </summary>
    [Theory]
    [InlineData("llama3")]
    [InlineData("gemma3")]
    public void Words_that_spell_guarded_tokens_give_Hugging_Faces_ids(string model)
    {
        string path = HfModelFiles.Require(model);
        string[] guarded = model == "llama3"
            ? [" cinsel", " elektrik", " kısa", " nachází", " olmadığı", " přístup", " yılında", " çıkart", " ως", ".:.:.", "aştır",
                "jící", "laştır", "maktadır", "ující", "ıydı", "министра", "пример", "шись", "گیرد", "している", "っている"]
            : ["\n\n\n", "\n\n\n\n\n\n", "\t\t\t", "\t\t\t\t\t", "    ", "            ", " ======", " ==============", " SSSR"];
        var texts = new List<string>();
        foreach (string g in guarded)
        {
            texts.Add(g);
            texts.Add(g + "lik");
            texts.Add("x" + g.TrimStart() + "ler");
            texts.Add(g + g + "s");
            texts.Add(g[..^1]);
            texts.Add(g[..^1] + "q");
            texts.Add("a " + g + "public void F()\n" + g + "return" + g + ".");
            foreach (string suffix in new[] { "s", "lar", "ler", "e", "a", "i", "ı", "ya", "da", "nin", "ō", "t", "n", "mak", "ом", "ですか", ".:", ":" })
                for (int cut = 0; cut < 3 && cut < g.Length - 1; cut++) texts.Add(g[cut..] + suffix);
        }
        CompareTexts($"{model}-guarded", path, HfTestModels.Load(model), texts, seed: 0);
    }

    /// <summary>
    /// Indentation: words that start with a run of 2 to 70 spaces ("▁" after the normalizer) and go on with code,
    /// text, a lone char, a tab, a newline or a literal "▁" after another char. Gemma 3's builder lets such a run
    /// merge alone (the summary says so) and the rest after it, which must give Hugging Face's ids for every run length:
    /// runs up to 31 are one token, longer ones end in a lone "▁" that joins the rest.
    /// </summary>
    [Fact]
    public void Indented_words_give_Hugging_Faces_ids()
    {
        string path = HfModelFiles.Require("gemma3");
        Assert.Contains(RunRule, Summary(path));
        CompareTexts("gemma3-indented", path, HfTestModels.Load("gemma3"), IndentedTexts(), seed: 0);
    }

    /// <summary>
    /// The run rule on a second vocabulary: Llama 2's file with its merges of two runs of "▁" moved to the front, where
    /// the builder proves the rule and takes it; then with one token that joins two "▁" to a letter ("▁▁t"), where it
    /// must not. Both must give Hugging Face's ids on indented words and on random text.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Llama2_with_run_merges_first_gives_Hugging_Faces_ids(bool joinsTwoMetaSpaces)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(HfModelFiles.Require("llama2")))!;
        var merges = root["model"]!["merges"]!.AsArray();
        static string[] Halves(JsonNode merge) => merge is JsonArray pair ? [(string)pair[0]!, (string)pair[1]!] : ((string)merge!).Split(' ', 2);
        static bool IsRun(string text) => text.Length > 0 && text.All(c => c == '\u2581');
        var runs = merges.Where(m => Halves(m!).All(IsRun)).Select(m => m!.DeepClone()).ToList();
        Assert.NotEmpty(runs);
        var others = merges.Where(m => !Halves(m!).All(IsRun)).Select(m => m!.DeepClone()).ToList();
        merges.Clear();
        foreach (var m in runs.Concat(others)) merges.Add(m);
        if (joinsTwoMetaSpaces)
        {
            var vocab = root["model"]!["vocab"]!.AsObject();
            vocab["\u2581\u2581t"] = vocab.Count;
            merges.Add(merges[0] is JsonArray ? new JsonArray("\u2581\u2581", "t") : "\u2581\u2581 t");
        }
        string dir = Directory.CreateTempSubdirectory("hf-runs-").FullName;
        try
        {
            string path = Path.Combine(dir, "tokenizer.json");
            File.WriteAllText(path, root.ToJsonString());
            string summary = Summary(path);
            output.WriteLine(summary);
            Assert.Equal(!joinsTwoMetaSpaces, summary.Contains(RunRule));
            var tokenizer = HfTestModels.LoadFile(path);
            CompareTexts("llama2-runs-first", path, tokenizer, IndentedTexts(), seed: 0);
            Compare("llama2-runs-first", path, tokenizer, 500);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const string RunRule = "leading run of '▁' merges alone";

    private static string Summary(string path)
    {
        TokenizerJsonFile file = TokenizerJsonReader.Read(File.ReadAllText(path));
        return HfBpeTableBuilder.Build(file.Definition!, file.Vocab, file.Merges, byteLevel: false, [], System.Threading.CancellationToken.None)!.Summary;
    }

    /// <summary>Runs of 1 to 70 spaces before code, text, a lone char, a tab, a newline or a literal "▁".</summary>
    private static List<string> IndentedTexts()
    {
        string[] rests = ["if (x == null)", "return;", "}", "x", "t", "the", "public static void Main()", "// note", "\"\"", "\t\tx", "\nx",
            "ab\u2581cd", "Überprüfung", "日本語", "🙂ok", "\u2581x", "a", "de la"];
        var texts = new List<string>();
        for (int run = 1; run <= 70; run++)
            foreach (string rest in rests)
            {
                string indent = new(' ', run);
                texts.Add(indent + rest);
                texts.Add("x\n" + indent + rest + "\n" + indent[..(run / 2)] + rest);
            }
        return texts;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Llama3_variants_give_Hugging_Faces_ids(string variant)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(HfModelFiles.Require("llama3")))!;
        VariantEdits[variant](root);
        string dir = Directory.CreateTempSubdirectory("hf-variant-").FullName;
        try
        {
            string path = Path.Combine(dir, "tokenizer.json");
            File.WriteAllText(path, root.ToJsonString());
            Compare(variant, path, HfTestModels.LoadFile(path), 1500);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Llama 2's file with its normalizer (Prepend "▁", Replace " " → "▁") and decoder swapped for a Metaspace
    /// pre-tokenizer and decoder, as older SentencePiece conversions (Mistral, Llama 2 before tokenizers 0.14) have them:
    /// each prepend scheme with and without split, in a Sequence after a Split, and after a normalizer. Each variant's
    /// ids and its decode of Hugging Face's ids are Hugging Face's.
    /// </summary>
    [Theory]
    [MemberData(nameof(MetaspaceVariants))]
    public void Llama2_Metaspace_variants_give_Hugging_Faces_ids_and_text(string variant)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(HfModelFiles.Require("llama2")))!;
        root["normalizer"] = null;
        MetaspaceEdits[variant](root);
        string dir = Directory.CreateTempSubdirectory("hf-metaspace-").FullName;
        try
        {
            string path = Path.Combine(dir, "tokenizer.json");
            File.WriteAllText(path, root.ToJsonString());
            var tokenizer = HfTestModels.LoadFile(path);
            int[][] ids = Compare(variant, path, tokenizer, 1000);
            string[] expected = HfOracle.Run<string[]>("hf-decode.js", path, ids);
            var wrong = Enumerable.Range(0, ids.Length).Where(i => tokenizer.Decode(ids[i]) != expected[i]).ToList();
            Assert.True(wrong.Count == 0, $"{variant}: {wrong.Count} of {ids.Length} decodes differ, first HF {Escape(expected[wrong.FirstOrDefault()])}, "
                + $"ours {Escape(tokenizer.Decode(ids[wrong.FirstOrDefault()]))}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Llama 2's file with tokens that join a char to the meta space ("e▁", "s▁▁", ",▁t"), built by merges ranked
    /// first: the builder must not cut a piece into words before a "▁" that follows those chars (and still cut
    /// elsewhere), or the ids would differ from Hugging Face's, which merges the whole text as one piece.
    /// </summary>
    [Fact]
    public void Llama2_with_tokens_across_the_meta_space_gives_Hugging_Faces_ids()
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(HfModelFiles.Require("llama2")))!;
        var vocab = root["model"]!["vocab"]!.AsObject();
        var merges = root["model"]!["merges"]!.AsArray();
        int next = vocab.Count;
        var joined = new (string Left, string Right)[] { ("e", "\u2581"), ("s", "\u2581\u2581"), (",", "\u2581t") };
        for (int i = 0; i < joined.Length; i++)
        {
            vocab[joined[i].Left + joined[i].Right] = next++;
            merges.Insert(i, merges[0] is JsonArray ? new JsonArray(joined[i].Left, joined[i].Right) : joined[i].Left + " " + joined[i].Right);
        }
        string dir = Directory.CreateTempSubdirectory("hf-cuts-").FullName;
        try
        {
            string path = Path.Combine(dir, "tokenizer.json");
            File.WriteAllText(path, root.ToJsonString());
            Compare("llama2-joined-meta", path, HfTestModels.LoadFile(path), 1500);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static JsonObject Metaspace(string scheme, bool split, string replacement = "\u2581") => new()
    {
        ["type"] = "Metaspace", ["replacement"] = replacement, ["prepend_scheme"] = scheme, ["split"] = split,
    };

    private static JsonObject MetaspaceDecoder(string scheme, bool split) => Metaspace(scheme, split);

    private static readonly Dictionary<string, Action<JsonNode>> MetaspaceEdits = new()
    {
        ["always-split"] = root => { root["pre_tokenizer"] = Metaspace("always", true); root["decoder"] = MetaspaceDecoder("always", true); },
        ["always-whole"] = root => { root["pre_tokenizer"] = Metaspace("always", false); root["decoder"] = MetaspaceDecoder("always", false); },
        ["first-split"] = root => { root["pre_tokenizer"] = Metaspace("first", true); root["decoder"] = MetaspaceDecoder("first", true); },
        ["first-whole"] = root => { root["pre_tokenizer"] = Metaspace("first", false); root["decoder"] = MetaspaceDecoder("first", false); },
        ["never-split"] = root => { root["pre_tokenizer"] = Metaspace("never", true); root["decoder"] = MetaspaceDecoder("never", true); },
        ["never-whole"] = root => { root["pre_tokenizer"] = Metaspace("never", false); root["decoder"] = MetaspaceDecoder("never", false); },
        // Older files: add_prefix_space instead of prepend_scheme (true: "always").
        ["legacy-add-prefix-space"] = root =>
        {
            root["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "\u2581", ["add_prefix_space"] = true };
            root["decoder"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "\u2581", ["add_prefix_space"] = true };
        },
        // "first" means the first piece of the text, not of each stage's piece: digits split off before Metaspace.
        ["first-after-split"] = root =>
        {
            root["pre_tokenizer"] = new JsonObject { ["type"] = "Sequence", ["pretokenizers"] = new JsonArray(
                Split("Regex", @"\p{N}+|[!?]", "Isolated"), Metaspace("first", true)) };
            root["decoder"] = new JsonObject { ["type"] = "Sequence", ["decoders"] = new JsonArray(
                new JsonObject { ["type"] = "ByteFallback" }, MetaspaceDecoder("first", true)) };
        },
        ["always-after-normalizer-and-added-tokens"] = root =>
        {
            root["normalizer"] = new JsonObject { ["type"] = "Sequence", ["normalizers"] = new JsonArray(
                new JsonObject { ["type"] = "NFKC" }, new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["Regex"] = @"\s{2,}" }, ["content"] = " " }) };
            root["pre_tokenizer"] = Metaspace("always", true);
            root["decoder"] = new JsonObject { ["type"] = "Sequence", ["decoders"] = new JsonArray(
                new JsonObject { ["type"] = "ByteFallback" }, new JsonObject { ["type"] = "Fuse" }, MetaspaceDecoder("always", true)) };
            // Contents outside model.vocab: Hugging Face ignores an added token's id when the vocab has its content.
            AddTokens(root, Added(32000, "<pad>", special: true), Added(32001, " the", rstrip: true), Added(32002, "ingx", normalized: true, lstrip: true));
        },
    };

    private static JsonObject Added(int id, string content, bool special = false, bool singleWord = false, bool lstrip = false,
        bool rstrip = false, bool normalized = false) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = singleWord, ["lstrip"] = lstrip, ["rstrip"] = rstrip,
        ["normalized"] = normalized, ["special"] = special,
    };

    private static JsonObject Split(string kind, string pattern, string behavior, bool invert = false) => new()
    {
        ["type"] = "Split", ["pattern"] = new JsonObject { [kind] = pattern }, ["behavior"] = behavior, ["invert"] = invert,
    };

    private static JsonObject ByteLevel(bool prefix, bool regex) => new()
    {
        ["type"] = "ByteLevel", ["add_prefix_space"] = prefix, ["trim_offsets"] = true, ["use_regex"] = regex,
    };

    private static void AddTokens(JsonNode root, params JsonObject[] tokens)
    {
        var list = root["added_tokens"]!.AsArray();
        foreach (var token in tokens) list.Add(token);
    }

    private static readonly Dictionary<string, Action<JsonNode>> VariantEdits = new()
    {
        ["nfkc-lowercase-digits-punctuation"] = root =>
        {
            root["normalizer"] = new JsonObject { ["type"] = "Sequence", ["normalizers"] = new JsonArray(
                new JsonObject { ["type"] = "NFKC" }, new JsonObject { ["type"] = "Lowercase" }) };
            root["pre_tokenizer"] = new JsonObject { ["type"] = "Sequence", ["pretokenizers"] = new JsonArray(
                new JsonObject { ["type"] = "Digits", ["individual_digits"] = true },
                new JsonObject { ["type"] = "Punctuation", ["behavior"] = "MergedWithNext" },
                ByteLevel(prefix: true, regex: true)) };
            AddTokens(root, Added(128256, "zqyes", normalized: true, singleWord: true), Added(128257, "<Mask>", lstrip: true, rstrip: true),
                Added(128258, "ǅx", normalized: true));
            root["post_processor"] = new JsonObject { ["type"] = "TemplateProcessing",
                ["single"] = new JsonArray(new JsonObject { ["SpecialToken"] = new JsonObject { ["id"] = "<|begin_of_text|>", ["type_id"] = 0 } },
                    new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } },
                    new JsonObject { ["SpecialToken"] = new JsonObject { ["id"] = "<|end_of_text|>", ["type_id"] = 0 } }),
                ["pair"] = new JsonArray(new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } },
                    new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "B", ["type_id"] = 1 } }),
                ["special_tokens"] = new JsonObject {
                    ["<|begin_of_text|>"] = new JsonObject { ["id"] = "<|begin_of_text|>", ["ids"] = new JsonArray(128000), ["tokens"] = new JsonArray("<|begin_of_text|>") },
                    ["<|end_of_text|>"] = new JsonObject { ["id"] = "<|end_of_text|>", ["ids"] = new JsonArray(128001), ["tokens"] = new JsonArray("<|end_of_text|>") } } };
        },
        ["replace-prepend-split-behaviors"] = root =>
        {
            root["normalizer"] = new JsonObject { ["type"] = "Sequence", ["normalizers"] = new JsonArray(
                new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["Regex"] = @"\p{N}+" }, ["content"] = "#" },
                new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["String"] = "  " }, ["content"] = " _ " },
                new JsonObject { ["type"] = "Prepend", ["prepend"] = "¶" }, new JsonObject { ["type"] = "NFD" }) };
            root["pre_tokenizer"] = new JsonObject { ["type"] = "Sequence", ["pretokenizers"] = new JsonArray(
                Split("Regex", @"\s+", "Contiguous", invert: true), Split("Regex", @"[aeiou]", "MergedWithPrevious"),
                Split("String", "e", "Removed"), Split("Regex", @"\p{P}+", "MergedWithNext", invert: true),
                Split("String", "t", "Isolated"), ByteLevel(prefix: false, regex: false)) };
            AddTokens(root, Added(128256, " the", rstrip: true), Added(128257, "ing☃", normalized: true, lstrip: true),
                Added(128258, "<|eot_id|>x", special: true));
        },
    };

    /// <summary>Compares random texts' ids with Hugging Face's and returns Hugging Face's ids (add_special_tokens = false).</summary>
    private int[][] Compare(string name, string path, Tokenizers.HuggingFace.HuggingFaceModel tokenizer, int count)
    {
        int seed = Environment.TickCount;
        var random = new RandomText(seed);
        var rng = new Random(seed);
        string[] added = tokenizer.SpecialTokens.Select(s => s.Text).Concat(AddedTexts(path)).Distinct().ToArray();
        var texts = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string text = random.Next();
            int inserts = rng.Next(4);
            for (int k = 0; k < inserts && added.Length > 0; k++)
            {
                string token = added[rng.Next(added.Length)];
                if (rng.Next(4) == 0) token = token[..rng.Next(token.Length + 1)]; // a cut token is plain text
                int at = rng.Next(text.Length + 1);
                if (at > 0 && at < text.Length && char.IsLowSurrogate(text[at])) at--;
                text = text[..at] + (rng.Next(3) == 0 ? " " : "") + token + (rng.Next(3) == 0 ? "\t " : "") + text[at..];
            }
            texts.Add(text);
        }
        return CompareTexts(name, path, tokenizer, texts, seed);
    }

    /// <summary>Compares the texts' ids (and counts) with Hugging Face's and returns Hugging Face's ids (add_special_tokens = false).</summary>
    private int[][] CompareTexts(string name, string path, Tokenizers.HuggingFace.HuggingFaceModel tokenizer, List<string> texts, int seed)
    {
        int[][][] expected = HfOracle.Run<int[][][]>("hf-pipeline.js", path, texts);
        int mismatches = 0;
        var first = new List<string>();
        for (int i = 0; i < texts.Count; i++)
        {
            int[] plain = tokenizer.EncodeToIds(texts[i], SpecialTokenPolicy.All).ToArray();
            int[] special = tokenizer.EncodeToIds(texts[i], SpecialTokenPolicy.All, addSpecialTokens: true).ToArray();
            int counted = tokenizer.CountTokens(texts[i], SpecialTokenPolicy.All);
            if (plain.SequenceEqual(expected[i][0]) && special.SequenceEqual(expected[i][1]) && counted == plain.Length) continue;
            mismatches++;
            if (first.Count < 5)
                first.Add($"{Escape(texts[i])}\n  HF:   [{string.Join(", ", expected[i][0])}] / +{expected[i][1].Length - expected[i][0].Length}\n  ours: [{string.Join(", ", plain)}] / +{special.Length - plain.Length}");
        }
        output.WriteLine($"{name}: {texts.Count} texts, seed {seed}, {mismatches} mismatches");
        Assert.True(mismatches == 0, $"{name}, seed {seed}: {mismatches} of {texts.Count} texts differ:\n" + string.Join("\n", first));
        return expected.Select(e => e[0]).ToArray();
    }

    private static string Escape(string text)
        => string.Concat(text.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:X4}"));

    private static IEnumerable<string> AddedTexts(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var token in doc.RootElement.GetProperty("added_tokens").EnumerateArray())
            yield return token.GetProperty("content").GetString()!;
    }
}
