using System.Text.RegularExpressions;
using CsCheck;
using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// Each scanner against .NET's regex on the same pattern, over generated text. The text is BMP only: .NET's regex
/// counts UTF-16 chars where Rust counts code points (<c>\p{N}{1,3}</c>, <c>(?!\S)</c> and the optional prefixes
/// would differ on surrogate pairs), so astral text is covered apart, in <see cref="AstralTextTests"/>.
/// </summary>
public class ScannerMatchesRegexTests(ITestOutputHelper output)
{
    private const int Iterations = 100_000;

    public static TheoryData<string> Encodings => ["gpt2", "cl100k_base", "o200k_base"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void PiecesEqualRegexMatches(string encoding)
    {
        PreTokenizer scanner = PreTokenizer.FromName(encoding)!;
        Regex regex = DotNetPatterns.For(encoding);
        TextGenerator.Text.Sample(
            text => SameSplit(scanner, regex, text),
            writeLine: output.WriteLine,
            iter: Iterations,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.ShowSplit(scanner, text)}"
                + $"\n  regex:   {Pieces.Show(regex.Matches(text).Select(m => m.Value))}");
    }

    private static bool SameSplit(PreTokenizer scanner, Regex regex, string text)
    {
        int position = 0;
        foreach (ValueMatch match in regex.EnumerateMatches(text))
        {
            // The patterns match everywhere, so a gap would be a regex the scanner cannot follow.
            if (match.Index != position || scanner.NextPieceLength(text, position) != match.Length) return false;
            position += match.Length;
        }
        return position == text.Length;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TranslationOnlySpellsOutContractions(string encoding)
    {
        string rust = DotNetPatterns.RustPattern(encoding);
        string dotnet = DotNetPatterns.For(encoding).ToString();
        Assert.Equal(rust.Replace("(?i:'s|'t|'re|'ve|'m|'ll|'d)", "", StringComparison.Ordinal),
            dotnet.Replace("(?:'[sSſ]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])", "", StringComparison.Ordinal));
    }

    /// <summary>The classes the comparison relies on agree on every BMP char between .NET's regex and the scanners.</summary>
    [Fact]
    public void RegexClassesAgreeWithCharClass()
    {
        var classes = new (Regex Regex, Cls Set)[]
        {
            (new Regex(@"^\s$"), Cls.WhiteSpace), (new Regex(@"^[\r\n]$"), Cls.Newline), (new Regex(@"^\p{L}$"), Cls.Letter),
            (new Regex(@"^\p{N}$"), Cls.Number), (new Regex(@"^\p{M}$"), Cls.Mark),
            (new Regex(@"^[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]$"), Cls.UpperLike), (new Regex(@"^[\p{Ll}\p{Lm}\p{Lo}\p{M}]$"), Cls.LowerLike),
            (new Regex(@"^[^\r\n\p{L}\p{N}]$"), Cls.Prefix), (new Regex(@"^[^\s\p{L}\p{N}]$"), Cls.Punct),
        };
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            string s = ((char)c).ToString();
            Cls cls = CharClass.Classify(c);
            foreach (var (regex, set) in classes)
                Assert.True(regex.IsMatch(s) == ((cls & set) != 0), $"U+{c:X4} is {cls}; {regex} disagrees");
        }
    }
}
