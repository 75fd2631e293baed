using System.Text.RegularExpressions;
using CsCheck;
using Tokenizers.PreTokenization;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// DeepSeek V3's three Splits as one scanner, against the three applied one after the other, each to every piece of
/// the one before: .NET's regexes on generated BMP text, and the compiled patterns on text with astral chars.
/// </summary>
public class DeepSeekV3PreTokenizerTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["deepseek-digits", "deepseek-cjk", "deepseek-words"];

    // The generator's text, and text around the chars where the second pattern's ranges end or hold punctuation.
    private static readonly Gen<string> Text = Gen.Frequency(
        (4, TextGenerator.Text),
        (1, Gen.Select(TextGenerator.Text, Gen.OneOfConst("゠", "・", "゛", "ー", "ヿ", "〇", "一", "龥", "龦", "぀", "ゟ", "\u3000"),
            TextGenerator.Text, (a, b, c) => a + b + c)));

    [Fact]
    public void ScannerGivesTheThreeSplitsPieces()
    {
        Regex[] regexes = [.. Names.Select(HfPatterns.DotNet)];
        Text.Sample(
            text => HfPatterns.Scan(DeepSeekV3PreTokenizer.Instance, text) is { } pieces && pieces.SequenceEqual(InSequence(regexes, text)),
            writeLine: output.WriteLine,
            iter: 100_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.ShowSplit(DeepSeekV3PreTokenizer.Instance, text)}"
                + $"\n  splits:  {Pieces.Show(InSequence(regexes, text))}");
    }

    [Fact]
    public void ScannerEqualsTheCompiledSplitsOnAstralText()
    {
        RegexPreTokenizer[] compiled = [.. Names.Select(name => new RegexPreTokenizer(HfPatterns.ByName[name]))];
        TextGenerator.TextWithAstral.Sample(
            text => HfPatterns.Scan(DeepSeekV3PreTokenizer.Instance, text) is { } pieces && pieces.SequenceEqual(InSequence(compiled, text)),
            writeLine: output.WriteLine,
            iter: 30_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner:  {Pieces.ShowSplit(DeepSeekV3PreTokenizer.Instance, text)}"
                + $"\n  compiled: {Pieces.Show(InSequence(compiled, text))}");
    }

    [Theory]
    [InlineData("1234567 漢字かなabc", new[] { "123", "456", "7", " ", "漢字かな", "abc" })]
    [InlineData("x  \n\t y", new[] { "x", "  \n", "\t", " y" })]
    [InlineData(".NET's", new[] { ".NET", "'s" })]
    [InlineData("a\u0001\u0002b", new[] { "a", "\u0001", "\u0002b" })]
    [InlineData("ab  12", new[] { "ab", "  ", "12" })]
    [InlineData("ab・cd", new[] { "ab", "・", "cd" })]
    public void PiecesOfKnownTexts(string text, string[] expected) =>
        Assert.Equal(expected, HfPatterns.Scan(DeepSeekV3PreTokenizer.Instance, text));

    [Fact]
    public void TheSequenceMapsToTheScannerAndNothingElseDoes()
    {
        string[] patterns = [.. Names.Select(name => HfPatterns.ByName[name])];
        Assert.Same(DeepSeekV3PreTokenizer.Instance, KnownPatterns.TryGetSequenceScanner(patterns));
        Assert.Null(KnownPatterns.TryGetSequenceScanner([patterns[1], patterns[0], patterns[2]]));
        Assert.Null(KnownPatterns.TryGetSequenceScanner(patterns.AsSpan(0, 2)));
    }

    private static List<string> InSequence(Regex[] regexes, string text)
    {
        List<string> pieces = [text];
        foreach (var regex in regexes) pieces = [.. pieces.SelectMany(piece => HfPatterns.Isolated(regex, piece))];
        return pieces;
    }

    private static List<string> InSequence(PreTokenizer[] scanners, string text)
    {
        List<string> pieces = text.Length == 0 ? [] : [text];
        foreach (var scanner in scanners) pieces = [.. pieces.SelectMany(piece => HfPatterns.Scan(scanner, piece)!)];
        return pieces;
    }
}
