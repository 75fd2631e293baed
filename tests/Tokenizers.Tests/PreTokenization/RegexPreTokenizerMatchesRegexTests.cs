using System.Text.RegularExpressions;
using CsCheck;
using Tokenizers.PreTokenization;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// Every real Split pattern, compiled (<see cref="RegexPreTokenizer"/>) and through the scanner it maps to, against .NET's
/// regex on the same pattern over generated BMP text; astral text is covered in <see cref="RegexAstralTextTests"/>.
/// </summary>
public class RegexPreTokenizerMatchesRegexTests(ITestOutputHelper output)
{
    private const int Iterations = 100_000;

    public static TheoryData<string> Names => HfPatterns.Names;

    public static TheoryData<string> Mapped => HfPatterns.Mapped;

    [Theory]
    [MemberData(nameof(Names))]
    public void CompiledPatternGivesRegexPieces(string name) =>
        AssertSameAsRegex(new RegexPreTokenizer(HfPatterns.ByName[name]), HfPatterns.DotNet(name));

    [Theory]
    [MemberData(nameof(Mapped))]
    public void MappedScannerGivesRegexPieces(string name) =>
        AssertSameAsRegex(KnownPatterns.TryGetScanner(HfPatterns.ByName[name])!, HfPatterns.DotNet(name));

    private void AssertSameAsRegex(PreTokenizer scanner, Regex regex) =>
        TextGenerator.Text.Sample(
            text => HfPatterns.Scan(scanner, text) is { } pieces && pieces.SequenceEqual(HfPatterns.Isolated(regex, text)),
            writeLine: output.WriteLine,
            iter: Iterations,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.ShowSplit(scanner, text)}"
                + $"\n  regex:   {Pieces.Show(HfPatterns.Isolated(regex, text))}");

    public static TheoryData<string, Type> MappedScanners => HfPatterns.MappedScanners;

    [Theory]
    [MemberData(nameof(MappedScanners))]
    public void RecognisedPatternsMapToTheirScanner(string name, Type scanner) =>
        Assert.IsType(scanner, KnownPatterns.TryGetScanner(HfPatterns.ByName[name]));

    [Theory]
    [InlineData("deepseek-digits")]
    [InlineData("deepseek-cjk")]
    [InlineData("deepseek-words")]
    public void OtherPatternsAreNotMapped(string name) => Assert.Null(KnownPatterns.TryGetScanner(HfPatterns.ByName[name]));

    /// <summary>The mapped patterns are the tiktoken encodings' patterns the scanners are proven against.</summary>
    [Theory]
    [InlineData("gpt2", "gpt2")]
    [InlineData("llama3", "cl100k_base")]
    [InlineData("o200k", "o200k_base")]
    public void MappedPatternsAreTheTiktokenPatterns(string name, string encoding) =>
        Assert.Equal(DotNetPatterns.RustPattern(encoding), HfPatterns.ByName[name]);

    [Fact]
    public void TekkenIsO200kWithoutContractionsWithOneDigitAPiece() =>
        Assert.Equal(KnownPatterns.Tekken, KnownPatterns.O200k
            .Replace("(?i:'s|'t|'re|'ve|'m|'ll|'d)?", "", StringComparison.Ordinal)
            .Replace(@"\p{N}{1,3}", @"\p{N}", StringComparison.Ordinal));

    [Fact]
    public void Qwen2IsLlama3WithOneDigitAPiece() =>
        Assert.Equal(KnownPatterns.Qwen2, KnownPatterns.Cl100k.Replace(@"\p{N}{1,3}", @"\p{N}", StringComparison.Ordinal));
}
