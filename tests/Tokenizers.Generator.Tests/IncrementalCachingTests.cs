using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tokenizers.Generator.Tests;

/// <summary>Edits that do not touch a tokenizer or its files must not redo its work (the vocabulary is large).</summary>
public class IncrementalCachingTests
{
    private const string Source = """
        using Tokenizers;
        [GeneratedTokenizer("tiny.tiktoken", Pattern = "gpt2")]
        public partial class Tiny;
        """;

    private static readonly string[] TrackedSteps =
    [
        TokenizerGenerator.Steps.Request, TokenizerGenerator.Steps.Files,
        TokenizerGenerator.Steps.ProjectDirectory, TokenizerGenerator.Steps.Model,
    ];

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
        => driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static (GeneratorDriver Driver, Microsoft.CodeAnalysis.Compilation Compilation, AdditionalText Vocab) FirstRun()
    {
        var vocab = GeneratorHarness.Fixture("tiny-tiktoken/tiny.tiktoken");
        var compilation = GeneratorHarness.Compilation(Source);
        var driver = GeneratorHarness.Driver(vocab).RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation, vocab);
    }

    private static void AssertAllCached(GeneratorDriver driver)
    {
        foreach (string step in TrackedSteps)
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
    }

    [Fact]
    public void IdenticalRerunIsCached()
    {
        var (driver, compilation, _) = FirstRun();
        AssertAllCached(driver.RunGenerators(compilation.Clone(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void UnrelatedCSharpEditIsCached()
    {
        var (driver, compilation, _) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", path: "/project/Unrelated.cs", cancellationToken: TestContext.Current.CancellationToken));
        AssertAllCached(driver.RunGenerators(edited, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void VocabularyEditIsModified()
    {
        var (driver, compilation, vocab) = FirstRun();
        string text = vocab.GetText(TestContext.Current.CancellationToken)!.ToString() + "eHl6 400\n";
        var edited = GeneratorHarness.File("tiny-tiktoken/tiny.tiktoken", text);
        driver = driver.ReplaceAdditionalText(vocab, edited).RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TokenizerGenerator.Steps.Model));
        // The new token "xyz" (rank 400) is compiled in.
        Assert.Contains("401 ids, 261 mergeable tokens", driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Tiny.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
