using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 9 §4 and §8: <see cref="TokenizerFile"/> runs the generator's parsers and table builders, so for the same files
/// it refuses what the generator refuses, with the generator's message (less the help sentence) and position, and
/// otherwise loads a tokenizer that gives the generated class's ids. Checked on every broken fixture and on seeded
/// random mutations of the small vocabularies of <see cref="MutationTests"/>.
/// </summary>
public sealed class LoaderAgreementTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private readonly string _folder = Directory.CreateTempSubdirectory("tokenizers-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> BrokenFiles()
        => new(Directory.GetFiles(Path.Combine(Fixtures, "broken")).Select(Path.GetFileName).Where(n => !n!.StartsWith("special-part", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void EveryBrokenFixtureIsRefusedWithTheGeneratorsMessage(string name)
    {
        string broken = "broken/" + name;
        (string Attribute, CompilerText[] Files, Func<ITokenizer> Load) run = name switch
        {
            _ when name.EndsWith(".merges.txt", StringComparison.Ordinal) => (
                $"[GeneratedTokenizer(\"tiny-hf/vocab.json\", \"{broken}\")]",
                [CompilerText.Fixture("tiny-hf/vocab.json"), CompilerText.Fixture(broken)],
                () => TokenizerFile.Load(Path.Combine(Fixtures, "tiny-hf/vocab.json"), Path.Combine(Fixtures, broken))),
            _ when name.EndsWith(".json", StringComparison.Ordinal) => (
                $"[GeneratedTokenizer(\"{broken}\", \"tiny-hf/merges.txt\")]",
                [CompilerText.Fixture(broken), CompilerText.Fixture("tiny-hf/merges.txt")],
                () => TokenizerFile.Load(Path.Combine(Fixtures, broken), Path.Combine(Fixtures, "tiny-hf/merges.txt"))),
            _ => ($"[GeneratedTokenizer(\"{broken}\")]", [CompilerText.Fixture(broken)], () => TokenizerFile.Load(Path.Combine(Fixtures, broken))),
        };
        var diagnostics = DiagnosticAssert.Run(DiagnosticAssert.Source(run.Attribute), run.Files);
        AssertSame(diagnostics[0], Assert.Throws<TokenizerFormatException>(run.Load), name);
    }

    [Fact]
    public void AMergeOfASpecialTokenIsRefusedWithTheGeneratorsMessage()
    {
        var diagnostics = DiagnosticAssert.Run(DiagnosticAssert.Source("[GeneratedTokenizer(\"broken/special-part.json\", \"broken/special-part.merges.txt\")]"),
            CompilerText.Fixture("broken/special-part.json"), CompilerText.Fixture("broken/special-part.merges.txt"));
        var error = Assert.Throws<TokenizerFormatException>(
            () => TokenizerFile.Load(Path.Combine(Fixtures, "broken/special-part.json"), Path.Combine(Fixtures, "broken/special-part.merges.txt")));
        AssertSame(diagnostics[0], error, "special-part");
    }

    [Fact]
    public void RandomMutationsLoadExactlyWhenTheyCompile()
    {
        var random = new Random(9_004);
        var targets = MutationTests.Targets();
        int refused = 0, loaded = 0, compared = 0;
        var compiledOutputs = new Dictionary<string, ITokenizer>(StringComparer.Ordinal);
        for (int i = 0; i < 400; i++)
        {
            var target = targets[i % targets.Count];
            var (bytes, how) = MutationTests.Mutate(target.Original, random);
            var mutated = CompilerText.At(target.MutatedPath, bytes);
            string context = $"mutation {i} of {target.Name}: {how}";
            var (result, output) = GeneratorHarness.Run($"using Tokenizers;\nnamespace M;\n{target.Attribute}\npublic partial class Tok;\n", [mutated, .. target.Others]);

            foreach (var file in (CompilerText[])[mutated, .. target.Others])
                File.WriteAllBytes(Path.Combine(_folder, Path.GetFileName(file.Path)), file.Bytes);
            Func<ITokenizer> load = Loader(target.Attribute);
            if (!result.Diagnostics.IsEmpty)
            {
                var error = Record.Exception(load);
                Assert.True(error is TokenizerFormatException or ArgumentException, $"{context}: the generator reports {result.Diagnostics[0]}, the loader {error?.ToString() ?? "loads"}");
                if (error is TokenizerFormatException format) AssertSame(result.Diagnostics[0], format, context);
                else Assert.Equal(result.Diagnostics[0].GetMessage(CultureInfo.InvariantCulture), error!.Message + ". " + result.Diagnostics[0].Descriptor.Description);
                refused++;
                continue;
            }
            ITokenizer loadedTokenizer = load();
            loaded++;
            // Emitting and loading an assembly is the slow part: compare each distinct generated output once.
            string key = string.Concat(result.Results[0].GeneratedSources.Select(g => g.SourceText.ToString()));
            if (compiledOutputs.Count >= 60 || compiledOutputs.ContainsKey(key)) continue;
            var generated = (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("M.Tok")!)!;
            compiledOutputs.Add(key, generated);
            AssertSameIds(generated, loadedTokenizer, random, context);
            compared++;
        }
        Assert.True(refused > 50 && loaded > 50 && compared > 20, $"{refused} refused, {loaded} loaded, {compared} compared");
    }

    /// <summary>The loader call that matches one of <see cref="MutationTests.Targets"/>' attributes.</summary>
    private Func<ITokenizer> Loader(string attribute)
    {
        string In(string name) => Path.Combine(_folder, name);
        if (attribute.Contains("merges.txt", StringComparison.Ordinal))
            return () => TokenizerFile.Load(In("vocab.json"), In("merges.txt"), new TokenizerFileOptions { SpecialTokens = ["<|sep|>=300"] });
        if (attribute.Contains("tokenizer.json", StringComparison.Ordinal))
            return () => TokenizerFile.Load(In("tokenizer.json"));
        if (attribute.Contains(".tiktoken", StringComparison.Ordinal))
            return () => TokenizerFile.Load(In("tiny.tiktoken"), new TokenizerFileOptions { PreTokenizer = "cl100k", SpecialTokens = ["<|end|>=300"] });
        return () => TokenizerFile.Load(In("words.txt"), new TokenizerFileOptions { UnknownToken = "<|unk|>" });
    }

    private static void AssertSameIds(ITokenizer generated, ITokenizer loaded, Random random, string context)
    {
        Assert.Equal(generated.VocabularySize, loaded.VocabularySize);
        const string alphabet = "the a It he last painted s!\"',.--\n\t  é€😀<|sep|><|end|>xyzQ";
        for (int n = 0; n < 30; n++)
        {
            var text = new StringBuilder();
            int length = random.Next(40);
            for (int k = 0; k < length; k++) text.Append(alphabet[random.Next(alphabet.Length)]);
            string s = text.ToString();
            foreach (var policy in new[] { SpecialTokenPolicy.None, SpecialTokenPolicy.All })
            {
                var expected = Record.Exception(() => generated.EncodeToIds(s, policy)) is { } thrown ? null : generated.EncodeToIds(s, policy);
                if (expected is null)
                {
                    Assert.True(Record.Exception(() => loaded.EncodeToIds(s, policy)) is not null, $"{context}: '{s}' throws only in the generated tokenizer");
                    continue;
                }
                Assert.True(expected.SequenceEqual(loaded.EncodeToIds(s, policy)), $"{context}: '{s}' ({policy})");
                Assert.Equal(generated.Decode(expected), loaded.Decode(expected));
            }
        }
    }

    /// <summary>Same id, message (the generator adds its help sentence) and position; a non-UTF-8 file only by id and position.</summary>
    private static void AssertSame(Diagnostic diagnostic, TokenizerFormatException error, string context)
    {
        Assert.Equal(diagnostic.Id, error.Code);
        var span = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((span.Line + 1, span.Character + 1), (error.Line ?? 1, error.Column ?? 1));
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        // The generator sees the compiler's decoding of a broken file and says so; the loader reads the bytes.
        if (message.Contains("is not UTF-8", StringComparison.Ordinal))
            Assert.Contains("is not UTF-8", error.Message, StringComparison.Ordinal);
        else
            Assert.True(message == error.Message + ". " + diagnostic.Descriptor.Description, $"{context}:\n generator: {message}\n loader:    {error.Message}");
    }
}
