using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Tokenizers.PreTokenization;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// The compiled patterns on text outside the BMP, where Oniguruma reads a surrogate pair as one code point of its
/// category and .NET's regex cannot follow.
/// </summary>
public class RegexAstralTextTests(ITestOutputHelper output)
{
    // 𝟏 U+1D7CF Nd, 𝐀 U+1D400 Lu, 𝑎 U+1D44E Ll, 𠀀 U+20000 Lo (outside DeepSeek's CJK ranges), 😀 U+1F600 So,
    // 𝅧 U+1D167 Mn. Expected pieces as Hugging Face tokenizers 0.22.2 (Oniguruma) gives them.
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "gpt2", "x 𝐀𝐁c😀abc", ["x", " 𝐀𝐁c", "😀", "abc"] },
        { "gpt2", "𝟏𝟐𝟑𝟒", ["𝟏𝟐𝟑𝟒"] },
        { "llama3", "𝟏𝟐𝟑𝟒", ["𝟏𝟐𝟑", "𝟒"] },
        { "llama3", "hi  😀😀!\n", ["hi", " ", " 😀😀!\n"] },
        { "qwen2", "𝟏𝟐𝟑 x𝟒", ["𝟏", "𝟐", "𝟑", " x", "𝟒"] },
        { "o200k", "𝐀𝑎𝐀𝐀's", ["𝐀𝑎", "𝐀𝐀's"] },
        { "o200k", "𠀀ABC", ["𠀀", "ABC"] },
        { "tekken", "𝐀𝑎𝐀𝐀's𝟏𝟐", ["𝐀𝑎", "𝐀𝐀", "'s", "𝟏", "𝟐"] },
        { "deepseek-digits", "𝟏𝟐𝟑𝟒x", ["𝟏𝟐𝟑", "𝟒", "x"] },
        { "deepseek-digits", "a😀12345", ["a😀", "123", "45"] },
        { "deepseek-cjk", "a𠀀漢字かな😀カナ", ["a𠀀", "漢字かな", "😀", "カナ"] },
        { "deepseek-words", "😀😀abc 𝐀𝐁 𝟏a", ["😀😀", "abc", " 𝐀𝐁", " ", "𝟏a"] },
        { "deepseek-words", "!𝐀b \U0001D167x\u3000😀\n\n", ["!", "𝐀b", " \U0001D167x", "\u3000", "😀\n\n"] },
        { "deepseek-words", "𝟏 𝟐\u200B", ["𝟏", " ", "𝟐\u200B"] },
        { "deepseek-words", "a\uD800b\uDC00\uD800", ["a", "\uD800", "b", "\uDC00\uD800"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitsOnCodePoints(string name, string text, string[] expected) =>
        Assert.Equal(expected, Pieces.Split(new RegexPreTokenizer(HfPatterns.ByName[name]), text));

    public static TheoryData<string> Names => HfPatterns.Names;

    public static TheoryData<string> Mapped => HfPatterns.Mapped;

    /// <summary>
    /// .NET's regex runs on a copy where each astral code point (or lone surrogate, read as U+FFFD) is one BMP stand-in
    /// of the same general category, outside ASCII and DeepSeek's CJK ranges. That is exact: the patterns ask only for
    /// categories, White_Space and literals of those ranges and ASCII.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void PiecesEqualRegexPiecesOnStandIns(string name)
    {
        var scanner = new RegexPreTokenizer(HfPatterns.ByName[name]);
        Regex regex = HfPatterns.DotNet(name);
        TextGenerator.TextWithAstral.Sample(
            text => SameSplitOnStandIns(scanner, regex, text),
            writeLine: output.WriteLine,
            iter: 30_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.ShowSplit(scanner, text)}");
    }

    public static TheoryData<string, string> Constructs => RegexConstructsMatchRegexTests.Constructs;

    /// <summary>The constructs' patterns too: their literals and ranges are ASCII or BMP chars that are no stand-in.</summary>
    [Theory]
    [MemberData(nameof(Constructs))]
    public void ConstructsEqualRegexPiecesOnStandIns(string onig, string dotnet)
    {
        var scanner = new RegexPreTokenizer(onig);
        var regex = new Regex(dotnet, RegexOptions.CultureInvariant);
        TextGenerator.TextWithAstral.Sample(
            text => SameSplitOnStandIns(scanner, regex, text),
            writeLine: output.WriteLine,
            iter: 10_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.ShowSplit(scanner, text)}");
    }

    /// <summary>A greedy run gives back a surrogate pair whole: half of one would read as U+FFFD, which is So.</summary>
    [Theory]
    [InlineData(@"\p{L}*\p{So}", "a𝐀", -1, 0)]
    [InlineData(@"\p{L}+?\p{So}", "a𝐀😀", 0, 5)]
    [InlineData(@"\p{L}{1,3}\p{Lu}", "𝐀𝐀𝐀", 0, 6)]
    [InlineData(@"(?:\p{L}|\p{So})*\p{So}", "𝐀😀𝐀", 0, 4)]
    [InlineData(@".\p{L}", "😀𝐀", 0, 4)]
    public void AstralCodePointsAreWhole(string pattern, string text, int start, int length)
    {
        bool found = OnigRegex.Compile(pattern).TryFind(text, 0, out int s, out int l);
        Assert.Equal((start, length), found ? (s, l) : (-1, 0));
    }

    /// <summary>
    /// Classes come from the run time's Unicode data; Oniguruma in Hugging Face tokenizers 0.22.2 has Unicode 16.0, as
    /// .NET 10 does (every code point's category was compared through the Hugging Face binding). On an older run time
    /// (.NET 8: Unicode 15.0) the code points added since read as unassigned; these, new in 16.0, show which data is in use.
    /// </summary>
    [Theory]
    [InlineData(0x1C89, UnicodeCategory.UppercaseLetter)]
    [InlineData(0x1C8A, UnicodeCategory.LowercaseLetter)]
    [InlineData(0x10D4A, UnicodeCategory.OtherLetter)]
    [InlineData(0x10D4E, UnicodeCategory.ModifierLetter)]
    [InlineData(0x0897, UnicodeCategory.NonSpacingMark)]
    [InlineData(0x1CCF0, UnicodeCategory.DecimalDigitNumber)]
    public void UnicodeDataIsOnigurumasVersion(int codePoint, UnicodeCategory category) =>
        Assert.Equal(category, CharClass.Category(codePoint));

    /// <summary>On any text, astral included, a mapped scanner cuts where the compiled pattern does.</summary>
    [Theory]
    [MemberData(nameof(Mapped))]
    public void MappedScannerEqualsCompiledPattern(string name)
    {
        var compiled = new RegexPreTokenizer(HfPatterns.ByName[name]);
        PreTokenizer scanner = KnownPatterns.TryGetScanner(HfPatterns.ByName[name])!;
        TextGenerator.TextWithAstral.Sample(
            text => HfPatterns.Scan(scanner, text) is { } pieces && pieces.SequenceEqual(HfPatterns.Scan(compiled, text)!),
            writeLine: output.WriteLine,
            iter: 30_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner:  {Pieces.ShowSplit(scanner, text)}\n  compiled: {Pieces.ShowSplit(compiled, text)}");
    }

    private static bool SameSplitOnStandIns(PreTokenizer scanner, Regex regex, string text)
    {
        string standIns = StandInText.Copy(text, cp => StandIns[CharClass.Category(cp)], out List<int> offsets);
        var expected = new List<string>();
        int position = 0;
        foreach (string piece in HfPatterns.Isolated(regex, standIns))
        {
            expected.Add(text[offsets[position]..offsets[position + piece.Length]]);
            position += piece.Length;
        }
        return HfPatterns.Scan(scanner, text) is { } pieces && pieces.SequenceEqual(expected);
    }

    private static readonly Dictionary<UnicodeCategory, char> StandIns = new()
    {
        [UnicodeCategory.UppercaseLetter] = 'Ж', [UnicodeCategory.LowercaseLetter] = 'ж',
        [UnicodeCategory.TitlecaseLetter] = 'ǅ', [UnicodeCategory.ModifierLetter] = 'ʰ',
        [UnicodeCategory.OtherLetter] = 'ה', [UnicodeCategory.NonSpacingMark] = '\u0301',
        [UnicodeCategory.SpacingCombiningMark] = '\u0903', [UnicodeCategory.EnclosingMark] = '\u20DD',
        [UnicodeCategory.DecimalDigitNumber] = '٣', [UnicodeCategory.LetterNumber] = 'Ⅻ',
        [UnicodeCategory.OtherNumber] = '²', [UnicodeCategory.Format] = '\u200B',
        [UnicodeCategory.PrivateUse] = '\uE000', [UnicodeCategory.OtherNotAssigned] = '\u0378',
        [UnicodeCategory.ConnectorPunctuation] = '‿', [UnicodeCategory.DashPunctuation] = '‐',
        [UnicodeCategory.OpenPunctuation] = '⁅', [UnicodeCategory.ClosePunctuation] = '⁆',
        [UnicodeCategory.InitialQuotePunctuation] = '«', [UnicodeCategory.FinalQuotePunctuation] = '»',
        [UnicodeCategory.OtherPunctuation] = '§', [UnicodeCategory.MathSymbol] = '±',
        [UnicodeCategory.CurrencySymbol] = '€', [UnicodeCategory.ModifierSymbol] = '˚',
        [UnicodeCategory.OtherSymbol] = '©',
    };

    [Fact]
    public void StandInsAreOfTheirCategoryAndNoPatternLiteral()
    {
        foreach (var (category, standIn) in StandIns)
        {
            Assert.Equal(category, CharUnicodeInfo.GetUnicodeCategory(standIn));
            Assert.True(standIn >= 0x80 && !HfPatterns.DotNet("deepseek-cjk").IsMatch(standIn.ToString()), $"U+{(int)standIn:X4}");
        }
    }
}
