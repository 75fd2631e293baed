using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 12 §2: a tokenizer that does not compile still gets its class, with every member of its kind throwing, so that a
/// project that uses the class fails with the TOK errors alone (no CS1061, CS0266 or CS1503 at the uses); and a
/// systematic mistake is reported by its first few errors and one summary.
/// </summary>
public class TokErrorAloneTests
{
    /// <summary>Uses of every member of the byte-level BPE class (an <see cref="IStreamableTokenizer"/>).</summary>
    private const string BpeUses = """
        public static class Uses
        {
            public static object Run()
            {
                var t = new Tok();
                global::Tokenizers.IStreamableTokenizer streamable = t;
                global::System.Collections.Generic.IReadOnlyList<global::Tokenizers.Bpe.SpecialToken> specials = t.SpecialTokens;
                global::Tokenizers.PreTokenization.PreTokenizer pre = t.PreTokenizer;
                return Common(t);
            }
        """ + CommonUses;

    private const string WordUses = """
        public static class Uses
        {
            public static object Run()
            {
                var t = new Tok();
                int? unknown = t.UnknownTokenId;
                string pattern = t.Pattern;
                string word = t.GetToken(0);
                bool found = t.TryGetId("a".AsSpan(), out int id);
                return Common(t);
            }
        """ + CommonUses;

    private const string JsonUses = """
        public static class Uses
        {
            public static object Run()
            {
                var t = new Tok();
                global::System.Collections.Generic.IReadOnlyList<global::Tokenizers.Bpe.SpecialToken> specials = t.SpecialTokens;
                global::System.Collections.Generic.IReadOnlyList<int> ids = t.EncodeToIds("a", SpecialTokenPolicy.All, addSpecialTokens: true);
                return Common(t);
            }
        """ + CommonUses;

    private const string CommonUses = """

            private static object Common(Tok t)
            {
                ITokenizer tokenizer = t;
                int size = t.VocabularySize;
                global::System.Collections.Generic.IReadOnlyList<int> ids = t.EncodeToIds("text");
                ids = t.EncodeToIds("text", SpecialTokenPolicy.All);
                global::System.Span<int> buffer = stackalloc int[8];
                global::System.Buffers.OperationStatus status = t.EncodeToIds("text".AsSpan(), buffer, out int consumed, out int written);
                global::System.Collections.Generic.IReadOnlyList<int>[] batch = tokenizer.EncodeBatch(new[] { "a", "b" });
                int count = t.CountTokens("text") + t.CountTokens("text".AsSpan(), SpecialTokenPolicy.None);
                string text = t.Decode(new[] { 1, 2 });
                global::System.Span<byte> bytes = stackalloc byte[8];
                return t.DecodeToBytes(1, bytes);
            }
        }
        """;

    private static string Declaration(string attribute, string uses)
        => $"using System;\nusing Tokenizers;\n{attribute}\npublic partial class Tok;\n\n{uses}\n";

    /// <summary>Runs the generator and compiles its output; returns the TOK errors, after checking they are the only errors.</summary>
    private static (IReadOnlyList<Diagnostic> Tok, Microsoft.CodeAnalysis.Compilation Output) Build(string source, params AdditionalText[] files)
    {
        var (result, output) = GeneratorHarness.Run(source, files);
        Assert.Null(result.Results.Single().Exception);
        var errors = output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "uses of the class do not compile: " + string.Join("\n", errors.Take(5)));
        Assert.Equal("Tok.g.cs", Assert.Single(result.Results.Single().GeneratedSources).HintName);
        return (result.Diagnostics, output);
    }

    /// <summary>Loads the output and runs the uses: the first member called throws, naming the TOK error.</summary>
    private static void AssertMembersThrow(Microsoft.CodeAnalysis.Compilation output, string id)
    {
        var run = GeneratorHarness.Load(output).GetType("Uses")!.GetMethod("Run")!;
        var thrown = Assert.Throws<TargetInvocationException>(() => run.Invoke(null, null)).InnerException;
        var invalid = Assert.IsType<InvalidOperationException>(thrown);
        Assert.StartsWith("Tok was not generated: " + id + ": ", invalid.Message, StringComparison.Ordinal);
    }

    private static string[] Ids(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Select(d => d.Id).ToArray();

    [Fact]
    public void BadMergeGivesTheTokErrorAlone()
    {
        var (tok, output) = Build(Declaration("[GeneratedTokenizer(\"tiny-hf/vocab.json\", \"broken/malformed.merges.txt\")]", BpeUses),
            CompilerText.Fixture("tiny-hf/vocab.json"), CompilerText.Fixture("broken/malformed.merges.txt"));
        Assert.Equal(["TOK007"], Ids(tok));
        AssertMembersThrow(output, "TOK007");
    }

    [Fact]
    public void MissingFileGivesTheTokErrorAlone()
    {
        var (tok, output) = Build(Declaration("[GeneratedTokenizer(\"missing.tiktoken\", PreTokenizer = \"cl100k\")]", BpeUses));
        Assert.Equal(["TOK001"], Ids(tok));
        AssertMembersThrow(output, "TOK001");
    }

    [Fact]
    public void BrokenWordListGivesTheTokErrorAlone()
    {
        var (tok, output) = Build(Declaration("[GeneratedTokenizer(\"words.txt\")]", WordUses), CompilerText.At("words.txt", "a\nb\na\n"));
        Assert.Equal(["TOK004"], Ids(tok));
        AssertMembersThrow(output, "TOK004");
    }

    [Fact]
    public void BrokenTokenizerJsonGivesTheTokErrorAlone()
    {
        var (tok, output) = Build(Declaration("[GeneratedTokenizer(\"tokenizer.json\")]", JsonUses), CompilerText.At("tokenizer.json", "{ \"model\": "));
        Assert.Equal(["TOK003"], Ids(tok));
        AssertMembersThrow(output, "TOK003");
    }

    [Fact]
    public void AnErrorInTheDeclarationGivesTheTokErrorAlone()
    {
        var (tok, output) = Build(Declaration("[GeneratedTokenizer(\"words.txt\", SplitRegex = \"(\")]", WordUses), CompilerText.At("words.txt", "a\nb\n"));
        Assert.Equal(["TOK012"], Ids(tok));
        AssertMembersThrow(output, "TOK012");
    }

    /// <summary>One wrong line ending in merges.txt made every line bad: the first 20 are listed, then one summary.</summary>
    [Fact]
    public void AFloodOfMergeErrorsIsCapped()
    {
        var merges = new StringBuilder("#version: 0.2\n");
        for (int i = 0; i < 5000; i++) merges.Append("h e x\n");
        var (tok, _) = Build(Declaration("[GeneratedTokenizer(\"tiny-hf/vocab.json\", \"merges.txt\")]", BpeUses),
            CompilerText.Fixture("tiny-hf/vocab.json"), CompilerText.At("merges.txt", merges.ToString()));
        Assert.Equal(Enumerable.Repeat("TOK007", Tokenizers.Compilation.CompileErrorList.MaxPerCode + 1), Ids(tok));
        Assert.Equal("merges.txt(22,1): and 4,980 more TOK007 errors like the ones above (only the first 20 are listed). "
            + "merges.txt starts with '#version: 0.2' and then has one 'left right' pair a line.", tok[^1].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFloodOfRankErrorsIsCapped()
    {
        var ranks = new StringBuilder();
        for (int i = 0; i < 1000; i++) ranks.Append("A!== ").Append(i).Append('\n');
        var (tok, _) = Build(Declaration("[GeneratedTokenizer(\"r.tiktoken\")]", BpeUses), CompilerText.At("r.tiktoken", ranks.ToString()));
        Assert.Equal(Enumerable.Repeat("TOK009", Tokenizers.Compilation.CompileErrorList.MaxPerCode + 1), Ids(tok));
        Assert.StartsWith("r.tiktoken(21,1): and 980 more TOK009 errors", tok[^1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
