using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tokenizers.Tests;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// Llama 3, Qwen3, DeepSeek V3 (byte-level) and Llama 2, Gemma 3 (SentencePiece style, where rare scripts, control
/// chars, emoji and any code point force byte fallback) against Hugging Face's Rust core (<see cref="HuggingFaceOracle"/>)
/// on 100,000 random strings a run, a fifth for each model: the hard-string fragments of <see cref="FuzzText"/> plus the
/// models' added-token text whole and in fragments. HF always matches added tokens, so ours encodes with
/// <see cref="SpecialTokenPolicy.All"/>. The SentencePiece models' <c>Decode</c> of Hugging Face's ids of each of their
/// strings is compared with Hugging Face's decode too. The seed changes every run and is printed; <c>TOKENIZERS_FUZZ_SEED</c> repeats
/// a run and <c>TOKENIZERS_FUZZ_STRINGS</c> changes the count. Each mismatch is shrunk to a minimal reproducer.
/// </summary>
public class HuggingFaceFuzzTests
{
    private const int DefaultStrings = 100_000;
    private const int BatchSize = 500;
    private const int MaxReported = 8;

    [Fact]
    public void ModelsMatchHuggingFaceOnRandomStrings() =>
        MatchHuggingFace(HuggingFaceModels.All, FuzzSettings.Strings(DefaultStrings));

    /// <summary>
    /// The same for the ten real files beyond the issues' five (<see cref="HuggingFaceModels.Others"/>), which have no
    /// reference vectors: 40,000 strings, so that the five keep their own 100,000.
    /// </summary>
    [Fact]
    public void OtherModelsMatchHuggingFaceOnRandomStrings() =>
        MatchHuggingFace(HuggingFaceModels.Others, FuzzSettings.Strings(DefaultStrings) * 2 / 5);

    private static void MatchHuggingFace(IReadOnlyList<string> models, int strings)
    {
        var ours = models.ToDictionary(m => m, LoadedModels.Load);
        int seed = FuzzSettings.Seed();
        var clock = Stopwatch.StartNew();

        var generator = new FuzzText(seed, AddedTokenText(models, seed));
        var batches = new List<HuggingFaceBatch>();
        var pending = models.ToDictionary(m => m, _ => new List<string>(BatchSize));
        for (int i = 0; i < strings; i++)
        {
            string model = models[i % models.Count];
            List<string> texts = pending[model];
            texts.Add(generator.Next());
            if (texts.Count < BatchSize && i + models.Count < strings) continue;
            batches.Add(new HuggingFaceBatch(model, texts));
            pending[model] = new List<string>(BatchSize);
        }

        var report = new FuzzReport(seed, strings, "Hugging Face tokenizers 0.22.2");
        var mismatches = new List<(string Model, string Text)>();
        var decodes = new List<(string Model, IReadOnlyList<int[]> Ids)>();
        long ourTicks = 0;
        HuggingFaceOracle.Shared.Run(batches, (b, theirs) =>
        {
            long started = Stopwatch.GetTimestamp();
            HuggingFaceBatch batch = batches[b];
            ITokenizer tokenizer = ours[batch.Model];
            if (HuggingFaceModels.DecodedLikeSentencePiece.Contains(batch.Model)) decodes.Add((batch.Model, theirs));
            for (int k = 0; k < theirs.Length; k++)
            {
                string text = batch.Texts[k];
                report.Comparisons++;
                report.Chars += text.Length;
                if (Same(tokenizer, text, theirs[k])) continue;
                report.Mismatches++;
                if (mismatches.Count < 10_000) mismatches.Add((batch.Model, text));
            }
            ourTicks += Stopwatch.GetTimestamp() - started;
        });
        var decodeMismatches = CompareDecodes(ours, decodes, report, ref ourTicks);
        report.OurTime = Stopwatch.GetElapsedTime(0, ourTicks);
        report.CompareTime = clock.Elapsed;

        // One reproducer per model first, then more, up to MaxReported.
        var reported = new HashSet<(string, string)>();
        foreach (var (model, text) in mismatches.DistinctBy(m => m.Model).Concat(mismatches).Distinct().Take(MaxReported * 4))
        {
            if (reported.Count == MaxReported) break;
            ITokenizer tokenizer = ours[model];
            string minimal = Differential.Shrink(text, t => !Same(tokenizer, t, HuggingFaceOracle.Shared.Encode(model, t)));
            if (!reported.Add((model, minimal))) continue;
            report.Reproducers.Add(
                $"{model}: {Differential.Literal(minimal)} (shrunk from {text.Length} chars)\n"
                + $"    ours:         {Describe(tokenizer, minimal)}\n"
                + $"    Hugging Face: [{string.Join(", ", HuggingFaceOracle.Shared.Encode(model, minimal))}]");
        }
        foreach (var (model, ids, theirs) in decodeMismatches.DistinctBy(m => m.Model).Concat(decodeMismatches).Distinct().Take(MaxReported - reported.Count))
            report.Reproducers.Add($"{model} decode of [{string.Join(", ", ids)}]\n"
                + $"    ours:         {Differential.Literal(DescribeDecode(ours[model], ids))}\n"
                + $"    Hugging Face: {Differential.Literal(theirs)}");
        report.TotalTime = clock.Elapsed;
        report.Publish();
        Assert.True(report.Mismatches == 0, report.Describe());
    }

    /// <summary>
    /// The SentencePiece-style models' decode (meta spaces, byte-fallback runs, the stripped first space) of Hugging
    /// Face's ids of every fuzz string, against Hugging Face's decode of the same ids: one comparison each.
    /// </summary>
    private static List<(string Model, int[] Ids, string Theirs)> CompareDecodes(Dictionary<string, ITokenizer> ours,
        List<(string Model, IReadOnlyList<int[]> Ids)> decodes, FuzzReport report, ref long ourTicks)
    {
        var mismatches = new List<(string, int[], string)>();
        long ticks = 0;
        HuggingFaceOracle.Shared.Decode(decodes, (b, theirs) =>
        {
            long started = Stopwatch.GetTimestamp();
            var (model, ids) = decodes[b];
            for (int k = 0; k < theirs.Length; k++)
            {
                report.Comparisons++;
                if (DescribeDecode(ours[model], ids[k]) == theirs[k]) continue;
                report.Mismatches++;
                if (mismatches.Count < 10_000) mismatches.Add((model, ids[k], theirs[k]));
            }
            ticks += Stopwatch.GetTimestamp() - started;
        });
        ourTicks += ticks;
        return mismatches;
    }

    private static string DescribeDecode(ITokenizer tokenizer, int[] ids)
    {
        try
        {
            return tokenizer.Decode(ids);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static bool Same(ITokenizer tokenizer, string text, int[] theirs)
    {
        try
        {
            return tokenizer.EncodeToIds(text, SpecialTokenPolicy.All).SequenceEqual(theirs);
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static string Describe(ITokenizer tokenizer, string text)
    {
        try
        {
            return "[" + string.Join(", ", tokenizer.EncodeToIds(text, SpecialTokenPolicy.All)) + "]";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>
    /// Every model's named added tokens (chat markers, tool and FIM tokens: <c>&lt;|im_start|&gt;</c>,
    /// <c>&lt;think&gt;</c>, <c>&lt;｜tool▁sep｜&gt;</c>...) and a few of its numbered reserved ones (Gemma 3 has 6,242
    /// <c>&lt;unused…&gt;</c>, Mistral Nemo 986 <c>&lt;SPECIAL_…&gt;</c>), from all the files: a token of one model is
    /// plain text to the others.
    /// </summary>
    private static List<string> AddedTokenText(IReadOnlyList<string> models, int seed)
    {
        var numbered = new Regex("reserved|place\u2581holder|unused|SPECIAL_", RegexOptions.CultureInvariant);
        var random = new Random(seed);
        var tokens = new List<string>();
        foreach (string model in models)
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(HuggingFaceModels.TokenizerJson(model)));
            var contents = json.RootElement.GetProperty("added_tokens").EnumerateArray().Select(t => t.GetProperty("content").GetString()!).ToList();
            tokens.AddRange(contents.Where(c => !numbered.IsMatch(c)));
            tokens.AddRange(contents.Where(c => numbered.IsMatch(c)).OrderBy(_ => random.Next()).Take(4));
        }
        return tokens.Distinct().ToList();
    }
}
