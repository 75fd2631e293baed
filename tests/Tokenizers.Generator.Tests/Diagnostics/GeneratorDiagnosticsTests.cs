using System.Text;
using Microsoft.CodeAnalysis;
using static Tokenizers.Generator.Tests.DiagnosticAssert;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 6 §1: every way a tokenizer declaration or its vocabulary can be broken is a TOK error with a message that
/// says what and where (help included) and a location on the attribute, the class, or the offending line and column
/// of the file. The broken files are in Fixtures/broken; each test checks id, whole message and location.
/// </summary>
public class GeneratorDiagnosticsTests
{
    private const string HfHelpJson = " vocab.json must be one JSON object mapping token strings to integer ids.";
    private const string MergesHelp = " merges.txt starts with '#version: 0.2' and then has one 'left right' pair a line.";
    private const string TiktokenHelp = " A .tiktoken file has one 'base64 rank' pair a line.";
    private const string FileHelp = " Vocabulary files are non-empty UTF-8 text.";

    private static readonly CompilerText TinyVocab = CompilerText.Fixture("tiny-hf/vocab.json");
    private static readonly CompilerText TinyMerges = CompilerText.Fixture("tiny-hf/merges.txt");
    private static readonly CompilerText TinyRanks = CompilerText.Fixture("tiny-tiktoken/tiny.tiktoken");

    /// <summary>A broken vocab.json with the valid tiny merges.</summary>
    private static IReadOnlyList<Diagnostic> BrokenVocab(string name)
        => Run(Source($"[GeneratedTokenizer(\"broken/{name}\", \"tiny-hf/merges.txt\")]"), CompilerText.Fixture("broken/" + name), TinyMerges);

    /// <summary>A broken merges file with the valid tiny vocab.json.</summary>
    private static IReadOnlyList<Diagnostic> BrokenMerges(string name)
        => Run(Source($"[GeneratedTokenizer(\"tiny-hf/vocab.json\", \"broken/{name}\")]"), TinyVocab, CompilerText.Fixture("broken/" + name));

    private static IReadOnlyList<Diagnostic> BrokenRanks(string name)
        => Run(Source($"[GeneratedTokenizer(\"broken/{name}\")]"), CompilerText.Fixture("broken/" + name));

    private static string Broken(string name) => InProject("broken/" + name);

    // ---- vocab.json ----

    [Fact]
    public void InvalidJsonHasLineAndColumn()
        => Single(BrokenVocab("invalid-json.json"), "TOK003",
            "invalid-json.json(3,7): expected ':' after a key, found '1'." + HfHelpJson, Broken("invalid-json.json"), 3, 7);

    [Fact]
    public void TruncatedJsonPointsAtTheEnd()
        => Single(Run(Source("[GeneratedTokenizer(\"vocab.json\", \"merges.txt\")]"), CompilerText.At("vocab.json", "{\n  \"a\": 0,\n  \"b"), TinyMerges), "TOK003",
            "vocab.json(3,5): unterminated string." + HfHelpJson, InProject("vocab.json"), 3, 5);

    [Fact]
    public void DuplicateToken()
        => Single(BrokenVocab("duplicate-token.json"), "TOK004",
            "duplicate-token.json(4,3): token 'a' appears more than once. Each token may appear once.", Broken("duplicate-token.json"), 4, 3);

    [Fact]
    public void DuplicateId()
        => Single(BrokenVocab("duplicate-id.json"), "TOK005",
            "duplicate-id.json(4,8): id 1 is used by 'b' and 'c'. Each id may name one token.", Broken("duplicate-id.json"), 4, 8);

    [Fact]
    public void EmptyToken()
        => Single(BrokenVocab("empty-token.json"), "TOK019",
            "empty-token.json(3,3): the empty string (id 1) is not a token. Every token is non-empty text.", Broken("empty-token.json"), 3, 3);

    [Fact]
    public void VocabularyWithoutTheByteAlphabet()
        => Single(BrokenVocab("no-byte-alphabet.json"), "TOK006",
            "no-byte-alphabet.json: the vocabulary has no token for 2 of the 256 bytes (0x0A 'Ċ', 0x41 'A'); byte-level BPE needs all 256. Add a single-byte token for each missing byte.",
            Broken("no-byte-alphabet.json"), 1, 1);

    [Fact]
    public void RankFileWithoutTheByteAlphabet()
    {
        string ranks = Encoding.UTF8.GetString(TinyRanks.Bytes).Replace("QQ== 65\n", "");
        Single(Run(Source("[GeneratedTokenizer(\"r.tiktoken\")]"), CompilerText.At("r.tiktoken", ranks)), "TOK006",
            "r.tiktoken: the vocabulary has no token for 1 of the 256 bytes (0x41 'QQ=='); byte-level BPE needs all 256. Add a single-byte token for each missing byte.",
            InProject("r.tiktoken"), 1, 1);
    }

    // ---- merges.txt ----

    [Fact]
    public void MalformedMergesHeader()
        => Single(BrokenMerges("bad-header.merges.txt"), "TOK007",
            "bad-header.merges.txt(1,1): unsupported header '#version: 0.3', expected '#version: 0.2'." + MergesHelp, Broken("bad-header.merges.txt"), 1, 1);

    [Fact]
    public void MalformedMergeLine()
        => Single(BrokenMerges("malformed.merges.txt"), "TOK007",
            "malformed.merges.txt(3,1): expected 'left right', found 'h e x'." + MergesHelp, Broken("malformed.merges.txt"), 3, 1);

    [Fact]
    public void MergePartNotInTheVocabulary()
    {
        var diagnostics = BrokenMerges("unknown-part.merges.txt");
        Assert.Equal(2, diagnostics.Count);
        const string help = " Every merge's parts and result must be tokens of vocab.json.";
        Is(diagnostics[0], "TOK008", "unknown-part.merges.txt(3,4): right part 'hex' of merge 'Ġt hex' is not in the vocabulary." + help, Broken("unknown-part.merges.txt"), 3, 4);
        Is(diagnostics[1], "TOK008", "unknown-part.merges.txt(3,1): result 'Ġthex' of merge 'Ġt hex' is not in the vocabulary." + help, Broken("unknown-part.merges.txt"), 3, 1);
    }

    [Fact]
    public void MergeResultNotInTheVocabulary()
        => Single(BrokenMerges("unknown-result.merges.txt"), "TOK008",
            "unknown-result.merges.txt(3,1): result 'Ġq' of merge 'Ġ q' is not in the vocabulary. Every merge's parts and result must be tokens of vocab.json.",
            Broken("unknown-result.merges.txt"), 3, 1);

    [Fact]
    public void MergeOfTextOutsideTheByteAlphabet()
        => Single(Run(Source("[GeneratedTokenizer(\"broken/special-part.json\", \"broken/special-part.merges.txt\")]"),
                CompilerText.Fixture("broken/special-part.json"), CompilerText.Fixture("broken/special-part.merges.txt")), "TOK007",
            "special-part.merges.txt(2,1): '€' is not byte-level text (GPT-2's byte-to-unicode alphabet), so it cannot be merged." + MergesHelp,
            Broken("special-part.merges.txt"), 2, 1);

    // ---- .tiktoken ----

    [Fact]
    public void InvalidBase64()
        => Single(BrokenRanks("invalid-base64.tiktoken"), "TOK009",
            "invalid-base64.tiktoken(3,1): 'A!==' is not valid base64." + TiktokenHelp, Broken("invalid-base64.tiktoken"), 3, 1);

    [Fact]
    public void NonCanonicalBase64()
        => Single(BrokenRanks("non-canonical-base64.tiktoken"), "TOK009",
            "non-canonical-base64.tiktoken(2,1): 'AB==' is not canonical base64 (its bytes are written 'AA==')." + TiktokenHelp, Broken("non-canonical-base64.tiktoken"), 2, 1);

    [Fact]
    public void InvalidRank()
        => Single(BrokenRanks("invalid-rank.tiktoken"), "TOK009",
            "invalid-rank.tiktoken(2,6): rank 'one' is not a non-negative 32-bit integer." + TiktokenHelp, Broken("invalid-rank.tiktoken"), 2, 6);

    [Fact]
    public void MalformedRankLine()
        => Single(BrokenRanks("malformed-line.tiktoken"), "TOK009",
            "malformed-line.tiktoken(2,1): expected 'base64 rank', found 'AQ==1'." + TiktokenHelp, Broken("malformed-line.tiktoken"), 2, 1);

    [Fact]
    public void DuplicateRank()
        => Single(BrokenRanks("duplicate-rank.tiktoken"), "TOK010",
            "duplicate-rank.tiktoken(3,6): rank 1 is given twice. Each rank may name one token.", Broken("duplicate-rank.tiktoken"), 3, 6);

    [Fact]
    public void DuplicateRankedToken()
        => Single(BrokenRanks("duplicate-token.tiktoken"), "TOK004",
            "duplicate-token.tiktoken(3,1): token 'AA==' appears more than once. Each token may appear once.", Broken("duplicate-token.tiktoken"), 3, 1);

    // ---- files ----

    [Fact]
    public void EmptyFile()
        => Single(BrokenVocab("empty.json"), "TOK011", "empty.json: the file is empty." + FileHelp, Broken("empty.json"), 1, 1);

    [Fact]
    public void BlankFile()
        => Single(BrokenRanks("blank.tiktoken"), "TOK011", "blank.tiktoken: the file holds only white space." + FileHelp, Broken("blank.tiktoken"), 1, 1);

    [Fact]
    public void FileNotUtf8()
        => Single(BrokenVocab("not-utf8.json"), "TOK011",
            "not-utf8.json(3,7): the file is not UTF-8: invalid bytes here (the compiler read them as U+FFFD)." + FileHelp, Broken("not-utf8.json"), 3, 7);

    [Fact]
    public void FileReadWithALegacyCodePageIsNotUtf8()
    {
        // .NET Framework's compiler falls back to the ANSI code page; the generator gets the bytes back from it.
        var file = new DecodedText("vocab.json", Encoding.Latin1.GetString(Encoding.Latin1.GetBytes("{\n  \"a\": 0,\n  \"caf\u00e9\": 1\n}\n")), Encoding.Latin1);
        Single(Run(Source("[GeneratedTokenizer(\"vocab.json\", \"merges.txt\")]"), file, TinyMerges), "TOK011",
            "vocab.json(3,7): the file is not UTF-8: byte 0xE9 here is not valid UTF-8 (the compiler read the file as iso-8859-1)." + FileHelp, InProject("vocab.json"), 3, 7);
    }

    [Fact]
    public void Utf16FileIsNotUtf8()
        => Single(BrokenRanks("utf16.tiktoken"), "TOK011",
            "utf16.tiktoken(1,1): the file is not UTF-8: it is UTF-16 (it starts with that byte-order mark); save it as UTF-8." + FileHelp, Broken("utf16.tiktoken"), 1, 1);

    [Fact]
    public void RealReplacementCharacterInValidUtf8IsAccepted()
    {
        // A strict UTF-8 read succeeded, so U+FFFD here is a character of the file, not a decoding failure.
        var words = CompilerText.At("words.txt", "a\n\uFFFD\nb\n");
        Assert.Empty(Run(Source("[GeneratedTokenizer(\"words.txt\")]"), words));
    }

    [Fact]
    public void PathMatchingNoAdditionalFile()
        => Single(Run(Source("[GeneratedTokenizer(\"data/missing.json\", \"tiny-hf/merges.txt\")]"), TinyMerges), "TOK001",
            "'data/missing.json' matches no AdditionalFiles item. Add <AdditionalFiles Include=\"data/missing.json\" /> to the project file.",
            SourcePath, 2, 21);

    [Fact]
    public void MergesPathMatchingNoAdditionalFile()
        => Single(Run(Source("[GeneratedTokenizer(\"tiny-hf/vocab.json\", \"merges.txt\")]"), TinyVocab), "TOK001",
            "'merges.txt' matches no AdditionalFiles item. Add <AdditionalFiles Include=\"merges.txt\" /> to the project file.",
            SourcePath, 2, 43);

    // ---- the class ----

    private const string TargetHelp = " Declare it as a top-level, non-generic, non-static 'partial class'.";

    [Theory]
    [InlineData("public class Tok;", "is not partial", 3, 14)]
    [InlineData("public static partial class Tok;", "is static", 3, 29)]
    [InlineData("public partial class Tok<T>;", "is generic", 3, 22)]
    [InlineData("public partial record Tok;", "is a record", 3, 23)]
    [InlineData("file partial class Tok;", "is file-local", 3, 20)]
    public void ClassThatCannotTakeTheGeneratedMembers(string declaration, string problem, int line, int column)
        => Single(Run(Source("[GeneratedTokenizer(\"tiny.tiktoken\")]", declaration), TinyRanks), "TOK002",
            $"[GeneratedTokenizer] class 'Tok' {problem}." + TargetHelp, SourcePath, line, column);

    [Fact]
    public void NestedClass()
        => Single(Run("using Tokenizers;\npublic partial class Outer\n{\n    [GeneratedTokenizer(\"tiny.tiktoken\")]\n    public partial class Tok;\n}\n", TinyRanks), "TOK002",
            "[GeneratedTokenizer] class 'Tok' is nested in another type." + TargetHelp, SourcePath, 5, 26);

    [Fact]
    public void ClassWithTheAttributeOnTwoOfItsDeclarations()
    {
        // The compiler rejects the second attribute (CS0579); the generator reports each declaration and generates nothing.
        var diagnostics = Run("using Tokenizers;\n[GeneratedTokenizer(\"tiny.tiktoken\")]\npublic partial class Tok;\n[GeneratedTokenizer(\"tiny.tiktoken\")]\npublic partial class Tok;\n", TinyRanks);
        Assert.Equal(2, diagnostics.Count);
        Is(diagnostics[0], "TOK002", "[GeneratedTokenizer] class 'Tok' carries [GeneratedTokenizer] more than once." + TargetHelp, SourcePath, 3, 22);
        Is(diagnostics[1], "TOK002", "[GeneratedTokenizer] class 'Tok' carries [GeneratedTokenizer] more than once." + TargetHelp, SourcePath, 5, 22);
    }

    [Theory]
    [InlineData("[GeneratedTokenizer()]")]
    [InlineData("[GeneratedTokenizer(null)]")]
    [InlineData("[GeneratedTokenizer(42)]")]
    [InlineData("[GeneratedTokenizer(\"tiny.tiktoken\", SpecialTokens = \"<|x|>=300\")]")]
    [InlineData("[GeneratedTokenizer(\"tiny.tiktoken\", SpecialTokens = new[] { null, \"\" })]")]
    [InlineData("[GeneratedTokenizer(\"tiny.tiktoken\", PreTokenizer = null, SplitRegex = null, UnknownToken = null)]")]
    [InlineData("[GeneratedTokenizer(mergesPath: \"tiny-hf/merges.txt\", vocabularyPath: \"tiny-hf/vocab.json\")]")]
    public void DeclarationsTheCompilerMayRejectNeverCrashTheGenerator(string attribute)
    {
        var diagnostics = Run(Source(attribute), TinyRanks, TinyVocab, TinyMerges);
        Assert.All(diagnostics, d => Assert.True(d.Id.StartsWith("TOK", StringComparison.Ordinal) && d.Id != "TOK015", d.ToString()));
    }

    [Fact]
    public void EmptyVocabularyPath()
        => Single(Run(Source("[GeneratedTokenizer(\"\")]"), TinyRanks), "TOK016",
            "'' is not a supported vocabulary: the attribute names no vocabulary file. Use vocab.json with merges.txt, a .tiktoken file, or a word list (.txt).",
            SourcePath, 2, 21);

    // ---- attribute arguments ----

    [Fact]
    public void UnknownPreTokenizerName()
        => Single(Run(Source("[GeneratedTokenizer(\"tiny.tiktoken\", PreTokenizer = \"gpt5\")]"), TinyRanks), "TOK012",
            "PreTokenizer 'gpt5' is not valid: BPE vocabularies take gpt2, r50k, p50k, cl100k, o200k or none." + PatternHelp,
            SourcePath, 2, 53);

    [Fact]
    public void InvalidRegexForAWordList()
    {
        var diagnostic = Assert.Single(Run(Source("[GeneratedTokenizer(\"words.txt\", SplitRegex = @\"(\\w+\")]"), CompilerText.At("words.txt", "a\nb\n")));
        Assert.Equal("TOK012", diagnostic.Id);
        // The rest is .NET's own explanation, which names the offset.
        Assert.StartsWith("SplitRegex '(\\w+' is not valid: ", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Not enough )'s", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((SourcePath, 2, 47), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    private const string PatternHelp = " PreTokenizer takes gpt2, cl100k, o200k or none; SplitRegex takes a valid regular expression.";

    private const string SpecialHelp = " Give special tokens as \"text=id\" with an id no vocabulary token uses.";

    [Theory]
    // The text of an ordinary token ("he" is id 257 in the tiny vocabulary).
    [InlineData("he=300", "its text is already vocabulary token 257")]
    // The id of an ordinary token.
    [InlineData("<|x|>=257", "id 257 is already a vocabulary token")]
    // A special token of vocab.json under another id.
    [InlineData("<|endoftext|>=5", "the vocabulary already gives it id 260")]
    [InlineData("<|x|>", "expected \"text=id\" with non-empty text and a non-negative 32-bit id")]
    [InlineData("<|x|>=9999999", "id 9,999,999 is above 4,194,303, the largest id the generated layout supports")]
    public void SpecialTokenCollidingWithTheVocabulary(string spec, string why)
    {
        string attribute = $"[GeneratedTokenizer(\"tiny-hf/vocab.json\", \"tiny-hf/merges.txt\", SpecialTokens = new[] {{ \"<|a|>=400\", \"{spec}\" }})]";
        Single(Run(Source(attribute), TinyVocab, TinyMerges), "TOK013", $"Special token '{spec}': {why}." + SpecialHelp, SourcePath, 2, attribute.IndexOf("\"" + spec, StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void SpecialTokenCollidingWithAnotherSpecialToken()
    {
        const string attribute = "[GeneratedTokenizer(\"tiny.tiktoken\", SpecialTokens = new[] { \"<|a|>=300\", \"<|b|>=300\" })]";
        Single(Run(Source(attribute), TinyRanks), "TOK013",
            "Special token '<|b|>=300': id 300 is already special token '<|a|>'." + SpecialHelp, SourcePath, 2, attribute.IndexOf("\"<|b|>", StringComparison.Ordinal) + 1);
    }

    // ---- size ----

    private const string SizeHelp = " Keep a large vocabulary in a project of its own, or file an issue to widen the generated layout.";

    [Fact]
    public void RankBeyondTheLayout()
        => Single(BrokenRanks("rank-too-large.tiktoken"), "TOK014",
            "rank-too-large.tiktoken(2,6): rank 5,000,000 is above 4,194,303, the largest id the generated layout supports." + SizeHelp, Broken("rank-too-large.tiktoken"), 2, 6);

    [Fact]
    public void IdBeyondTheLayout()
        => Single(BrokenVocab("id-too-large.json"), "TOK014",
            "id-too-large.json(3,8): id 5,000,000 is above 4,194,303, the largest id the generated layout supports." + SizeHelp, Broken("id-too-large.json"), 3, 8);

    // ---- formats ----

    [Fact]
    public void RankFileWithAMergesFile()
        => Single(Run(Source("[GeneratedTokenizer(\"tiny.tiktoken\", \"tiny-hf/merges.txt\")]"), TinyRanks, TinyMerges), "TOK016",
            "'tiny.tiktoken' is not a supported vocabulary: a merges file goes with a vocab.json vocabulary; a .tiktoken file or a word list takes no second argument. Use vocab.json with merges.txt, a .tiktoken file, or a word list (.txt).",
            SourcePath, 2, 21);

    [Fact]
    public void EveryDescriptorHasATitleAMessageAndHelp()
    {
        var descriptors = typeof(TokenizerGenerator).Assembly.GetType("Tokenizers.Generator.Diagnostics")!
            .GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().ToList();
        Assert.True(descriptors.Count >= 19);
        string releases = File.ReadAllText(Path.Combine(RepoRoot, "generators", "Tokenizers.Generator", "AnalyzerReleases.Unshipped.md"));
        string readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        foreach (var d in descriptors)
        {
            Assert.Matches("^TOK[0-9]{3}$", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()), d.Id);
            string help = d.Description.ToString();
            Assert.False(string.IsNullOrWhiteSpace(help), d.Id);
            Assert.EndsWith(help, d.MessageFormat.ToString(), StringComparison.Ordinal);
            Assert.Contains($"{d.Id} | Tokenizers | Error | {d.Title}", releases, StringComparison.Ordinal);
            Assert.Contains($"| {d.Id} |", readme, StringComparison.Ordinal);
        }
    }

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tokenizers.sln"))) return dir.FullName;
        throw new InvalidOperationException("Tokenizers.sln not found above " + AppContext.BaseDirectory);
    }
}
