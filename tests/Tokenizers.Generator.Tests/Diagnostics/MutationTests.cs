using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 6 §1: the generator never throws. Seeded random mutations of small valid vocabularies (bytes flipped or
/// inserted or deleted, lines dropped, duplicated or swapped, truncation) go through the generator; each run must
/// end without a generator exception (no CS8785, no AD0001, no TOK015), with only TOK errors that format and are
/// located in a real file, and, when there is no error, with generated code that compiles.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    // TOKENIZERS_MUTATIONS and TOKENIZERS_MUTATION_SEED run a longer or different search locally.
    private static readonly int Seed = EnvironmentInt("TOKENIZERS_MUTATION_SEED") ?? 6_001;
    private static readonly int Mutations = EnvironmentInt("TOKENIZERS_MUTATIONS") ?? 1_200;

    private static int? EnvironmentInt(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    internal sealed record Target(string Name, string Attribute, string MutatedPath, byte[] Original, CompilerText[] Others);

    private static byte[] FixtureBytes(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    internal static IReadOnlyList<Target> Targets()
    {
        byte[] tokenizerJson = FixtureBytes("tiny-tokenizer-json/tokenizer.json");
        byte[] vocab = FixtureBytes("tiny-hf/vocab.json"), merges = FixtureBytes("tiny-hf/merges.txt"), ranks = FixtureBytes("tiny-tiktoken/tiny.tiktoken");
        // vocab.json is one line; a copy with one entry a line gives line drops and duplicates something to bite on.
        byte[] vocabLines = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(vocab).Replace("{", "{\n").Replace(", \"", ",\n\"").Replace("}", "\n}\n"));
        byte[] words = Encoding.UTF8.GetBytes("!\n\"\n'\n,\n--\n.\nIt\nhe\nlast\npainted\ns\nthe\n<|unk|>\n");
        const string hf = "[GeneratedTokenizer(\"vocab.json\", \"merges.txt\", SpecialTokens = new[] { \"<|sep|>=300\" })]";
        var vocabFile = CompilerText.At("vocab.json", vocab);
        var mergesFile = CompilerText.At("merges.txt", merges);
        return
        [
            new("vocab.json (one line)", hf, "vocab.json", vocab, [mergesFile]),
            new("vocab.json (a line an entry)", hf, "vocab.json", vocabLines, [mergesFile]),
            new("merges.txt", hf, "merges.txt", merges, [vocabFile]),
            new(".tiktoken", "[GeneratedTokenizer(\"tiny.tiktoken\", PreTokenizer = \"cl100k\", SpecialTokens = new[] { \"<|end|>=300\" })]", "tiny.tiktoken", ranks, []),
            new("word list", "[GeneratedTokenizer(\"words.txt\", UnknownToken = \"<|unk|>\")]", "words.txt", words, []),
            new("tokenizer.json", "[GeneratedTokenizer(\"tokenizer.json\")]", "tokenizer.json", tokenizerJson, []),
        ];
    }

    [Fact]
    public void RandomMutationsNeverMakeTheGeneratorThrow()
    {
        var random = new Random(Seed);
        var targets = Targets();
        var ids = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int clean = 0, compiled = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Mutations; i++)
        {
            var target = targets[i % targets.Count];
            var (bytes, how) = Mutate(target.Original, random);
            var mutated = CompilerText.At(target.MutatedPath, bytes);
            string context = $"mutation {i} of {target.Name}: {how}";

            string source = $"using Tokenizers;\nnamespace M;\n{target.Attribute}\npublic partial class Tok;\n";
            var (result, outputCompilation) = GeneratorHarness.Run(source, [mutated, .. target.Others]);
            var run = Assert.Single(result.Results);
            Assert.True(run.Exception is null, $"{context}: generator threw {run.Exception}");
            foreach (var d in result.Diagnostics)
            {
                string message = d.GetMessage(CultureInfo.InvariantCulture);
                Assert.True(d.Id.StartsWith("TOK", StringComparison.Ordinal) && d.Id != "TOK015", $"{context}: {d}");
                Assert.Equal(DiagnosticSeverity.Error, d.Severity);
                Assert.DoesNotContain("{0}", message, StringComparison.Ordinal);
                var span = d.Location.GetLineSpan();
                Assert.True(span.IsValid, $"{context}: {d} has no location");
                if (span.Path == mutated.Path)
                {
                    // A location in the mutated file lies inside it.
                    var text = mutated.GetText(TestContext.Current.CancellationToken);
                    Assert.True(d.Location.SourceSpan.End <= text.Length, $"{context}: {d} ends past the file ({text.Length} chars)");
                    Assert.True(span.StartLinePosition.Line < text.Lines.Count, $"{context}: {d} is past the last line");
                }
                ids[d.Id] = ids.GetValueOrDefault(d.Id) + 1;
            }
            if (result.Diagnostics.IsEmpty)
            {
                clean++;
                Assert.Equal(2, run.GeneratedSources.Length);
                // Compiling is the slow part, and many mutations (white space, say) generate the same code: compile each
                // distinct output once.
                if (distinct.Add(string.Concat(run.GeneratedSources.Select(g => g.SourceText.ToString()))))
                {
                    var errors = outputCompilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
                    Assert.True(errors.Count == 0, $"{context}: generated code does not compile: {string.Join("\n", errors.Take(5))}");
                    compiled++;
                }
            }
            else
            {
                // The TOK errors stop the tokenizer: a class whose members throw stands in for it.
                Assert.Equal("M.Tok.g.cs", Assert.Single(run.GeneratedSources).HintName);
            }
        }
        output.WriteLine($"{Mutations} mutations (seed {Seed}) in {watch.Elapsed.TotalSeconds:F1} s: {clean} without diagnostics ({compiled} distinct outputs, all compiled), diagnostics {string.Join(", ", ids.Select(p => $"{p.Key}×{p.Value}"))}");
        // The mutations reach the parsers' error paths, not just one of them.
        foreach (string id in new[] { "TOK003", "TOK004", "TOK005", "TOK006", "TOK007", "TOK008", "TOK009", "TOK010", "TOK011", "TOK017", "TOK021" })
            Assert.True(ids.ContainsKey(id), $"no mutation produced {id}: {string.Join(", ", ids.Keys)}");
        Assert.True(clean > Mutations / 20, $"only {clean} mutations compiled cleanly");
    }

    /// <summary>One to three random edits of a file; returns the bytes and a description for failure messages.</summary>
    internal static (byte[] Bytes, string How) Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var how = new List<string>();
        int edits = 1 + (random.Next(4) == 0 ? random.Next(1, 3) : 0);
        for (int e = 0; e < edits; e++)
        {
            if (bytes.Count == 0) bytes.Add((byte)random.Next(256));
            int at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0:
                    how.Add($"byte {at} = 0x{bytes[at] = (byte)random.Next(256):X2}");
                    break;
                case 1:
                    int bit = random.Next(8);
                    bytes[at] ^= (byte)(1 << bit);
                    how.Add($"byte {at} bit {bit} flipped");
                    break;
                case 2:
                    // Printable ASCII is what breaks structure without breaking the encoding.
                    byte ascii = (byte)random.Next(0x20, 0x7F);
                    bytes.Insert(at, ascii);
                    how.Add($"'{(char)ascii}' inserted at {at}");
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    how.Add($"byte {at} deleted");
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    how.Add($"truncated to {at} bytes");
                    break;
                default:
                    how.Add(EditLines(bytes, random));
                    break;
            }
        }
        return (bytes.ToArray(), string.Join("; ", how));
    }

    private static string EditLines(List<byte> bytes, Random random)
    {
        var lines = new List<List<byte>> { new() };
        foreach (byte b in bytes)
        {
            lines[^1].Add(b);
            if (b == (byte)'\n') lines.Add([]);
        }
        if (lines[^1].Count == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0) return "no lines";
        int a = random.Next(lines.Count), b2 = random.Next(lines.Count);
        string how;
        switch (random.Next(4))
        {
            case 0:
                lines.RemoveAt(a);
                how = $"line {a + 1} dropped";
                break;
            case 1:
                lines.Insert(b2, [.. lines[a]]);
                how = $"line {a + 1} duplicated before line {b2 + 1}";
                break;
            case 2:
                (lines[a], lines[b2]) = (lines[b2], lines[a]);
                how = $"lines {a + 1} and {b2 + 1} swapped";
                break;
            default:
                lines[a] = lines[a].Where(c => c is (byte)'\n' or (byte)'\r').ToList();
                how = $"line {a + 1} emptied";
                break;
        }
        bytes.Clear();
        foreach (var line in lines) bytes.AddRange(line);
        return how;
    }

    [Fact]
    public void BrokenCorpusGivesOnlyTokErrors()
    {
        // Every file of Fixtures/broken, as each kind of vocabulary, ends in TOK errors and never in an exception.
        string dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken");
        var merges = CompilerText.Fixture("tiny-hf/merges.txt");
        var vocab = CompilerText.Fixture("tiny-hf/vocab.json");
        int runs = 0;
        foreach (string path in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            byte[] bytes = File.ReadAllBytes(path);
            foreach (var (attribute, name, others) in new (string, string, AdditionalText[])[]
            {
                ("[GeneratedTokenizer(\"v.json\", \"merges.txt\")]", "v.json", [merges]),
                ("[GeneratedTokenizer(\"vocab.json\", \"m.txt\")]", "m.txt", [vocab]),
                ("[GeneratedTokenizer(\"r.tiktoken\")]", "r.tiktoken", []),
                ("[GeneratedTokenizer(\"w.txt\")]", "w.txt", []),
            })
            {
                var (result, _) = GeneratorHarness.Run($"using Tokenizers;\n{attribute}\npublic partial class Tok;\n", [CompilerText.At(name, bytes), .. others]);
                Assert.Null(Assert.Single(result.Results).Exception);
                Assert.All(result.Diagnostics, d => Assert.True(d.Id.StartsWith("TOK", StringComparison.Ordinal) && d.Id != "TOK015", $"{Path.GetFileName(path)} as {name}: {d}"));
                runs++;
            }
        }
        Assert.True(runs >= 80, $"{runs} runs");
    }
}
