using System.Text.RegularExpressions;
using CsCheck;
using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// Text outside the BMP, where .NET's regex (which sees UTF-16 chars) cannot read the text itself: Rust counts a
/// surrogate pair as one code point and reads a lone surrogate as U+FFFD.
/// </summary>
public class AstralTextTests(ITestOutputHelper output)
{
    // 𝟏 U+1D7CF is Nd, 𝐀 U+1D400 Lu, 𝑎 U+1D44E Ll, 𠀀 U+20000 Lo, 😀 U+1F600 So; expectations written by hand.
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "gpt2", "𝟏𝟐𝟑𝟒", ["𝟏𝟐𝟑𝟒"] },
        { "cl100k_base", "𝟏𝟐𝟑𝟒", ["𝟏𝟐𝟑", "𝟒"] },
        { "o200k_base", "𝟏𝟐𝟑𝟒", ["𝟏𝟐𝟑", "𝟒"] },
        { "gpt2", "x 𝐀𝐁c😀abc", ["x", " 𝐀𝐁c", "😀", "abc"] },
        { "cl100k_base", "x 𝐀𝐁c😀abc", ["x", " 𝐀𝐁c", "😀abc"] },
        { "o200k_base", "x 𝐀𝐁c😀abc", ["x", " 𝐀𝐁c", "😀abc"] },
        { "o200k_base", "𝐀𝑎𝐀𝐀's", ["𝐀𝑎", "𝐀𝐀's"] },
        { "o200k_base", "𠀀ABC", ["𠀀", "ABC"] },
        { "cl100k_base", "𠀀ABC", ["𠀀ABC"] },
        { "gpt2", "hi  😀😀!", ["hi", " ", " 😀😀!"] },
        { "cl100k_base", "hi  😀😀!\n", ["hi", " ", " 😀😀!\n"] },
        { "o200k_base", "hi  😀😀!/", ["hi", " ", " 😀😀!/"] },
        { "gpt2", "a\uD800b\uDC00\uD800", ["a", "\uD800", "b", "\uDC00\uD800"] },
        { "cl100k_base", "a\uD800b\uDC00\uD800", ["a", "\uD800b", "\uDC00\uD800"] },
        { "o200k_base", "a\uD800b\uDC00\uD800", ["a", "\uD800b", "\uDC00\uD800"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitsOnCodePoints(string encoding, string text, string[] expected) =>
        Assert.Equal(expected, Pieces.Split(PreTokenizer.FromName(encoding)!, text));

    public static TheoryData<string> Encodings => ["gpt2", "cl100k_base", "o200k_base"];

    /// <summary>
    /// The regex runs on a copy where each astral code point (or lone surrogate) is one BMP stand-in of the same class.
    /// That is exact: the patterns only ask which class a code point is in, apart from literals (space, \r, \n, ', / and
    /// the contraction letters) that no astral code point is and no stand-in is; and <see cref="ScannerMatchesRegexTests"/>
    /// checks the classes agree with .NET's. The stand-in's class comes from CharClass, so this tests the scanners'
    /// handling of widths, not .NET's Unicode data.
    /// </summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void PiecesEqualRegexMatchesOnStandIns(string encoding)
    {
        PreTokenizer scanner = PreTokenizer.FromName(encoding)!;
        Regex regex = DotNetPatterns.For(encoding);
        TextGenerator.TextWithAstral.Sample(
            text => SameSplit(scanner, regex, text),
            writeLine: output.WriteLine,
            iter: 50_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.ShowSplit(scanner, text)}");
    }

    private static bool SameSplit(PreTokenizer scanner, Regex regex, string text)
    {
        string standIns = StandInText.Copy(text, cp => StandIn(CharClass.Classify(cp)), out List<int> offsets);
        int position = 0;
        foreach (Match match in regex.Matches(standIns))
        {
            int start = offsets[match.Index], end = offsets[match.Index + match.Length];
            if (start != position || scanner.NextPieceLength(text, start) != end - start) return false;
            position = end;
        }
        return position == text.Length;
    }

    private static char StandIn(Cls cls) => cls switch
    {
        Cls.Upper => 'X',
        Cls.Lower => 'x',
        Cls.OtherLetter => 'ה',
        Cls.Mark => '\u0301',
        Cls.Number => '5',
        Cls.Space => '\u2003',
        Cls.Other => '©',
        _ => throw new ArgumentOutOfRangeException(nameof(cls), cls, "no astral code point is a newline"),
    };
}
