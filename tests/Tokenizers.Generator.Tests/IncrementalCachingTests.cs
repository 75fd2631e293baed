using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Tokenizers.Generator.Model;
using Steps = Tokenizers.Generator.TokenizerGenerator.Steps;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 12 §1, in the style of System.Text.Json's generator tests: an edit that does not touch a tokenizer's files or
/// attribute arguments must not run its compile step again (<see cref="Steps.Model"/> stays Cached), files the
/// attributes do not name are never read, and the pipeline's values hold no compilation, symbol or syntax.
/// </summary>
public class IncrementalCachingTests
{
    private const string Source = """
        using Tokenizers;
        [GeneratedTokenizer("tiny.tiktoken", PreTokenizer = "gpt2")]
        public partial class Tiny;
        """;

    private const string TwoTokenizers = """
        using Tokenizers;
        [GeneratedTokenizer("tiny.tiktoken", PreTokenizer = "gpt2")]
        public partial class Tiny;
        [GeneratedTokenizer("tiny-hf/vocab.json", "tiny-hf/merges.txt")]
        public partial class TinyHf;
        """;

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly string[] AllSteps =
    [
        Steps.Request, Steps.Key, Steps.NamedFiles, Steps.FileText, Steps.Files, Steps.ProjectDirectory,
        Steps.Input, Steps.Model, Steps.Budget, Steps.Output,
    ];

    private static AdditionalText Tiktoken() => GeneratorHarness.Fixture("tiny-tiktoken/tiny.tiktoken");

    private static IEnumerable<IncrementalGeneratorRunStep> Runs(GeneratorDriver driver, string step)
        => driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(step, out var runs) ? runs : [];

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
        => Runs(driver, step).SelectMany(s => s.Outputs).Select(o => o.Reason);

    /// <summary>The reason of the model of <paramref name="className"/>.</summary>
    private static IncrementalStepRunReason ModelReason(GeneratorDriver driver, string className)
        => Runs(driver, Steps.Model).SelectMany(s => s.Outputs).Single(o => ((TokenizerModel)o.Value).ClassName == className).Reason;

    private static GeneratorDriver Run(string source, out Microsoft.CodeAnalysis.Compilation compilation, params AdditionalText[] files)
    {
        compilation = GeneratorHarness.Compilation(source);
        return GeneratorHarness.Driver(files).RunGenerators(compilation, Ct);
    }

    /// <summary>The compile step did not run, and nothing was emitted again.</summary>
    private static void AssertNotRecompiled(GeneratorDriver driver)
    {
        Assert.NotEmpty(Reasons(driver, Steps.Model));
        Assert.All(Reasons(driver, Steps.Model), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(driver, Steps.Output), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Output: {r}"));
    }

    [Fact]
    public void FirstRunIsNew()
    {
        var driver = Run(Source, out _, Tiktoken());
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        foreach (string step in AllSteps)
        {
            var reasons = Reasons(driver, step).ToList();
            Assert.True(reasons.Count > 0, $"{step} did not run");
            Assert.All(reasons, r => Assert.Equal(IncrementalStepRunReason.New, r));
        }
    }

    [Fact]
    public void IdenticalRerunIsCached()
    {
        var driver = Run(Source, out var compilation, Tiktoken());
        driver = driver.RunGenerators(compilation.Clone(), Ct);
        foreach (string step in AllSteps)
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
    }

    [Fact]
    public void UnrelatedCSharpEditIsCached()
    {
        var driver = Run(Source, out var compilation, Tiktoken());
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", path: "/project/Unrelated.cs", cancellationToken: Ct));
        AssertNotRecompiled(driver.RunGenerators(edited, Ct));
    }

    [Fact]
    public void UnrelatedAdditionalFileIsNeverReadAndItsEditIsCached()
    {
        var notes = new CountingText("/project/notes.md", "# notes\n");
        var driver = Run(Source, out var compilation, Tiktoken(), notes);
        var editedNotes = new CountingText("/project/notes.md", "# notes, edited\n");
        driver = driver.ReplaceAdditionalText(notes, editedNotes).RunGenerators(compilation, Ct);
        AssertNotRecompiled(driver);
        Assert.Equal(0, notes.Reads + editedNotes.Reads);
        // Adding one is as cheap.
        var added = new CountingText("/project/more.json", "{}");
        AssertNotRecompiled(driver.AddAdditionalTexts([added]).RunGenerators(compilation, Ct));
        Assert.Equal(0, added.Reads);
    }

    [Fact]
    public void BlankLineAboveTheAttributeIsCachedAndDiagnosticsMoveWithIt()
    {
        // A bad special token: its TOK013 points at the argument, which moves down a line with the declaration.
        const string Bad = "using Tokenizers;\n[GeneratedTokenizer(\"tiny.tiktoken\", SpecialTokens = new[] { \"<|x|>=1\" })]\npublic partial class Tiny;\n";
        var driver = Run(Bad, out var compilation, Tiktoken());
        Assert.Equal(2, Line(Assert.Single(driver.GetRunResult().Diagnostics)));

        var tree = compilation.SyntaxTrees.Single();
        var moved = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From("\n" + Bad)));
        driver = driver.RunGenerators(moved, Ct);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, Steps.Request));
        Assert.All(Reasons(driver, Steps.Key), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        AssertNotRecompiled(driver);
        var diagnostic = Assert.Single(driver.GetRunResult().Diagnostics);
        Assert.Equal("TOK013", diagnostic.Id);
        Assert.Equal(3, Line(diagnostic));

        static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;
    }

    [Fact]
    public void EditingAnotherTokenizersVocabularyLeavesThisOneCached()
    {
        var vocab = Tiktoken();
        var driver = Run(TwoTokenizers, out var compilation, vocab, GeneratorHarness.Fixture("tiny-hf/vocab.json"), GeneratorHarness.Fixture("tiny-hf/merges.txt"));
        var edited = GeneratorHarness.File("tiny-tiktoken/tiny.tiktoken", vocab.GetText(Ct)!.ToString() + "eHl6 400\n");
        driver = driver.ReplaceAdditionalText(vocab, edited).RunGenerators(compilation, Ct);
        Assert.Equal(IncrementalStepRunReason.Cached, ModelReason(driver, "TinyHf"));
        Assert.Equal(IncrementalStepRunReason.Modified, ModelReason(driver, "Tiny"));
        Assert.Contains("401 ids, 261 mergeable tokens", Generated(driver, "Tiny.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void EditingOneAttributeLeavesTheOtherTokenizerCached()
    {
        var driver = Run(TwoTokenizers, out var compilation, Tiktoken(), GeneratorHarness.Fixture("tiny-hf/vocab.json"), GeneratorHarness.Fixture("tiny-hf/merges.txt"));
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(TwoTokenizers.Replace("\"gpt2\"", "\"none\"", StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited, Ct);
        Assert.Equal(IncrementalStepRunReason.Cached, ModelReason(driver, "TinyHf"));
        Assert.Equal(IncrementalStepRunReason.Modified, ModelReason(driver, "Tiny"));
        Assert.Contains("WholeTextPreTokenizer", Generated(driver, "Tiny.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void VocabularyEditIsModified()
    {
        var vocab = Tiktoken();
        var driver = Run(Source, out var compilation, vocab);
        var edited = GeneratorHarness.File("tiny-tiktoken/tiny.tiktoken", vocab.GetText(Ct)!.ToString() + "eHl6 400\n");
        driver = driver.ReplaceAdditionalText(vocab, edited).RunGenerators(compilation, Ct);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, Steps.Model));
        // The new token "xyz" (rank 400) is compiled in.
        Assert.Contains("401 ids, 261 mergeable tokens", Generated(driver, "Tiny.g.cs"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every value every step produced, walked field by field: none is (or holds) a Compilation, a symbol, a syntax node
    /// or a Roslyn Location, which would keep old compilations alive and defeat the caching.
    /// </summary>
    [Fact]
    public void PipelineValuesHoldNoCompilationSymbolOrSyntax()
    {
        const string Broken = "using Tokenizers;\n[GeneratedTokenizer(\"missing.tiktoken\", SpecialTokens = new[] { \"<|a|>=5\" })]\npublic partial class Missing;\n";
        var driver = Run(TwoTokenizers + "\n" + Broken.Replace("using Tokenizers;\n", "", StringComparison.Ordinal), out _,
            Tiktoken(), GeneratorHarness.Fixture("tiny-hf/vocab.json"), GeneratorHarness.Fixture("tiny-hf/merges.txt"));
        Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == "TOK001");
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        int walked = 0;
        // The generator's own steps (Roslyn's internal ones, such as ForAttributeWithMetadataName's, hold trees by design).
        foreach (string step in AllSteps)
            foreach (var output in Runs(driver, step).SelectMany(r => r.Outputs))
                Walk(output.Value, step);
        Assert.True(walked > 50, $"walked {walked} values");

        void Walk(object? value, string path)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
            walked++;
            var type = value.GetType();
            Assert.False(value is Microsoft.CodeAnalysis.Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel or AdditionalText,
                $"{path} holds a {type.FullName}");
            if (value is IEnumerable items)
            {
                int i = 0;
                foreach (object? item in items) Walk(item, $"{path}[{i++}]");
                return;
            }
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    Walk(field.GetValue(value), path + "." + field.Name);
        }
    }

    private static string Generated(GeneratorDriver driver, string hint)
        => driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hint).SourceText.ToString();

    /// <summary>An additional file that counts how often its text is read.</summary>
    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private int _reads;

        public int Reads => _reads;

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return SourceText.From(text, Encoding.UTF8);
        }
    }
}
