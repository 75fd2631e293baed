using System.Globalization;
using Microsoft.CodeAnalysis;
using Tokenizers.PreTokenization;
using Tokenizers.Streaming;
using static Tokenizers.Generator.Tests.DiagnosticAssert;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 12 §10: the attribute names a BPE vocabulary's pre-tokenizer <c>PreTokenizer</c> and a word list's regular
/// expression <c>SplitRegex</c>. The former <c>Pattern</c> is an obsolete alias that still means whichever of the two
/// the file kind takes; an option set for the wrong kind, or the alias beside its replacement, is TOK024 on it.
/// </summary>
public class SplitOptionTests
{
    private const string Words = "It\nthe\npainted\n.\n<|unk|>\n";
    private const string Help = " BPE vocabularies take PreTokenizer, word lists take SplitRegex, a tokenizer.json takes neither; Pattern is the obsolete name of both.";
    private static readonly CompilerText TinyRanks = CompilerText.Fixture("tiny-tiktoken/tiny.tiktoken");

    /// <summary>Compiles <paramref name="attribute"/> over <c>class Tok</c> and creates it; also returns the compiler's own diagnostics.</summary>
    private static (T Tokenizer, IEnumerable<Diagnostic> CompilerDiagnostics) Create<T>(string attribute, AdditionalText file)
    {
        var (result, output) = GeneratorHarness.Run($"using Tokenizers;\nnamespace Fixtures;\n{attribute}\npublic partial class Tok;\n", file);
        Assert.Empty(result.Diagnostics);
        var tokenizer = (T)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("Fixtures.Tok")!)!;
        return (tokenizer, output.GetDiagnostics(TestContext.Current.CancellationToken));
    }

    private static AdditionalText WordList() => GeneratorHarness.File("words.txt", Words);

    [Theory]
    [InlineData("PreTokenizer = \"cl100k\"", typeof(Cl100kPreTokenizer))]
    [InlineData("PreTokenizer = \"o200k_base\"", typeof(O200kPreTokenizer))]
    [InlineData("PreTokenizer = \"none\"", typeof(WholeTextPreTokenizer))]
    [InlineData("SpecialTokens = null", typeof(Gpt2PreTokenizer))]
    public void PreTokenizerPicksTheBpeScanner(string argument, Type expected)
    {
        var (tokenizer, compiler) = Create<IStreamableTokenizer>($"[GeneratedTokenizer(\"tiny.tiktoken\", {argument})]", TinyRanks);
        Assert.IsType(expected, tokenizer.PreTokenizer);
        Assert.DoesNotContain(compiler, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void SplitRegexSplitsAWordList()
    {
        // "It painted. the" by whitespace: "painted." is one word, unknown; the notebook's default would split off ".".
        var (tokenizer, compiler) = Create<ITokenizer>("[GeneratedTokenizer(\"words.txt\", SplitRegex = @\"\\s+\", UnknownToken = \"<|unk|>\")]", WordList());
        Assert.Equal([0, 4, 1], tokenizer.EncodeToIds("It painted. the"));
        Assert.Equal(@"\s+", tokenizer.GetType().GetProperty("Pattern")!.GetValue(tokenizer));
        Assert.DoesNotContain(compiler, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void ObsoletePatternStillMeansWhatTheFileKindTakes()
    {
        var (bpe, bpeCompiler) = Create<IStreamableTokenizer>("[GeneratedTokenizer(\"tiny.tiktoken\", Pattern = \"cl100k\")]", TinyRanks);
        Assert.IsType<Cl100kPreTokenizer>(bpe.PreTokenizer);
        var (words, wordsCompiler) = Create<ITokenizer>("[GeneratedTokenizer(\"words.txt\", Pattern = @\"\\s+\", UnknownToken = \"<|unk|>\")]", WordList());
        Assert.Equal([0, 4, 1], words.EncodeToIds("It painted. the"));

        // The compiler warns at each use, naming both replacements.
        foreach (var compiler in new[] { bpeCompiler, wordsCompiler })
        {
            var obsolete = Assert.Single(compiler, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal("CS0618", obsolete.Id);
            Assert.Contains("use PreTokenizer for a BPE vocabulary or SplitRegex for a word list", obsolete.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("PreTokenizer = \"gpt5\"", "PreTokenizer")]
    [InlineData("Pattern = \"gpt5\"", "Pattern")]
    public void AnInvalidPreTokenizerIsNamedAsWritten(string argument, string name)
    {
        string attribute = $"[GeneratedTokenizer(\"tiny.tiktoken\", {argument})]";
        Single(Run(Source(attribute), TinyRanks), "TOK012",
            $"{name} 'gpt5' is not valid: BPE vocabularies take gpt2, r50k, p50k, cl100k, o200k or none. PreTokenizer takes gpt2, cl100k, o200k or none; SplitRegex takes a valid regular expression.",
            SourcePath, 2, ValueColumn(attribute, name));
    }

    [Theory]
    [InlineData("tiny.tiktoken", "SplitRegex = \"x\"", "SplitRegex", "SplitRegex does not apply to a BPE vocabulary, which takes PreTokenizer.")]
    [InlineData("words.txt", "PreTokenizer = \"cl100k\"", "PreTokenizer", "PreTokenizer does not apply to a word list, which takes SplitRegex.")]
    [InlineData("tiny.tiktoken", "Pattern = \"gpt2\", PreTokenizer = \"gpt2\"", "Pattern", "Pattern is the obsolete name of PreTokenizer, which is set too; remove Pattern.")]
    [InlineData("words.txt", "SplitRegex = \"x\", Pattern = \"x\"", "Pattern", "Pattern is the obsolete name of SplitRegex, which is set too; remove Pattern.")]
    [InlineData("models/tokenizer.json", "SplitRegex = \"x\"", "SplitRegex",
        "SplitRegex does not apply to a tokenizer.json, which defines its own pre-tokenizer; remove SplitRegex.")]
    [InlineData("models/tokenizer.json", "Pattern = \"cl100k\"", "Pattern",
        "Pattern does not apply to a tokenizer.json, which defines its own pre-tokenizer; remove Pattern.")]
    public void AnOptionTwiceOrForAnotherKindIsLocatedOnIt(string file, string arguments, string located, string message)
    {
        // The option is checked before the file is read: the file's content does not matter.
        string attribute = $"[GeneratedTokenizer(\"{file}\", {arguments})]";
        Single(Run(Source(attribute), TinyRanks, CompilerText.At("words.txt", Words), CompilerText.At("models/tokenizer.json", "{}")),
            "TOK024", message + Help, SourcePath, 2, ValueColumn(attribute, located));
    }

    /// <summary>The one-based column of <paramref name="name"/>'s value on the attribute's line.</summary>
    private static int ValueColumn(string attribute, string name)
        => attribute.IndexOf(name + " = ", StringComparison.Ordinal) + name.Length + " = ".Length + 1;
}
