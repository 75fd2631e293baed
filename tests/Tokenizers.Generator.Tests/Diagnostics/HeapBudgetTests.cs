using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 12 §3: the tables of all tokenizers of an assembly share its 16 MB string heap. Vocabularies that each fit but
/// together do not get TOK014 on the attribute that overflows it, with the way out, and no CS8103.
/// </summary>
public class HeapBudgetTests
{
    /// <summary>A word list of about 400,000 words: about 11 MB of tables, under the 14 MiB one tokenizer may use.</summary>
    private static string Words(string prefix)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 400_000; i++) sb.Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    [Fact]
    public void TwoLargeVocabulariesOverflowTheAssemblyWithTok014AndNoCs8103()
    {
        const string Source = "using Tokenizers;\n[GeneratedTokenizer(\"a.txt\")]\npublic partial class A;\n[GeneratedTokenizer(\"b.txt\")]\npublic partial class B;\n";
        var (result, output) = GeneratorHarness.Run(Source, CompilerText.At("a.txt", Words("a")), CompilerText.At("b.txt", Words("b")));

        var tok = Assert.Single(result.Diagnostics);
        Assert.Equal("TOK014", tok.Id);
        string message = tok.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("b.txt: its tables take ", message, StringComparison.Ordinal);
        Assert.Contains("move it into a project of its own", message, StringComparison.Ordinal);
        // On B's attribute: A, declared first, keeps its tables.
        Assert.Equal(4, tok.Location.GetLineSpan().StartLinePosition.Line + 1);
        var sources = result.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal);
        Assert.Equal(["A.Data.g.cs", "A.g.cs", "B.g.cs"], sources);

        using var stream = new MemoryStream();
        var emit = output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
    }

    private static TokenizerModel Model(string name, params LiteralSize[] literals)
        => new(new TokenizerKey(null, name, "public", name + ".tiktoken", null, null, null, null, EquatableArray<string>.Empty, null, null),
            name, null, EquatableArray<DiagnosticInfo>.Empty, Literals: literals.ToEquatableArray());

    [Fact]
    public void EqualTablesAreCountedOnce()
    {
        long half = HeapBudget.TablesBytes / 2 + 1;
        // gpt2 and r50k_base share their tables: stored once, they fit.
        var shared = ImmutableArray.Create(Model("Gpt2", new LiteralSize("Trie:1:x", half)), Model("R50k", new LiteralSize("Trie:1:x", half)));
        Assert.Empty(HeapBudget.Check(shared, TestContext.Current.CancellationToken));
        var distinct = ImmutableArray.Create(Model("Gpt2", new LiteralSize("Trie:1:x", half)), Model("R50k", new LiteralSize("Trie:1:y", half)));
        Assert.Equal("R50k", Assert.Single(HeapBudget.Check(distinct, TestContext.Current.CancellationToken)).Key.ClassName);
    }
}
