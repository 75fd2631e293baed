using System.Text.RegularExpressions;
using CsCheck;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// Each supported construct, in an Oniguruma pattern and its .NET spelling (same meaning on BMP text), split with
/// Hugging Face's Isolated rule over generated text; patterns that can match empty check the empty-match cuts too.
/// </summary>
public class RegexConstructsMatchRegexTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Constructs => new()
    {
        { "x*", "x*" },                                                   // empty matches cut every gap
        { "a|", "a|" },
        { "(?:)", "(?:)" },
        { @"\p{Lu}+?\p{Ll}*", @"\p{Lu}+?\p{Ll}*" },                       // lazy
        { @"\p{L}*?\s", @"\p{L}*?\s" },
        { @"(?:ab|a)(?=c)|\d{2,}", @"(?:ab|a)(?=c)|\d{2,}" },             // look-ahead, open interval
        { @"\s+(?!\S)|[^\s\p{L}]+(?=\s)", @"\s+(?!\S)|[^\s\p{L}]+(?=\s)" },
        { @"^\s*\p{L}+|\S+$|^|$", @"(?m)^\s*\p{L}+|\S+$|^|$" },          // line anchors: only \n ends a line
        { @"[^\p{L}\s]{1,2}|\p{N}{,2}", @"[^\p{L}\s]{1,2}|\p{N}{0,2}" },
        { @"(?>\s+)\n|(?>a|ab)c", @"(?>\s+)\n|(?>a|ab)c" },              // atomic groups
        { @"\p{L}++[a-z]|\d?+\d|\s*+", @"(?>\p{L}+)[a-z]|(?>\d?)\d|(?>\s*)" }, // possessive
        { @"(?i:[a-k]+|x'S)", "[a-kA-K\u212A]+|[xX]'[sSſ]" },
        { @".+|(?m:.)", @".+|(?s:.)" },
        { @"\A\s|\s\z|\s\Z|\s\n\z", @"\A\s|\s\z|\s\Z|\s\n\z" },
        { @"[\x{41}-\u005A\t]+|\h+|\H\x2E", @"[A-Z\t]+|[0-9a-fA-F]+|[^0-9a-fA-F]\." },
        { @"\D\S?|\d\s", @"\D\S?|\d\s" },
        { @"(a|b|\s)*c|(?:\p{Ll}\p{M}*){2,3}", @"(a|b|\s)*c|(?:\p{Ll}\p{M}*){2,3}" },
        { @"\P{L}+|\p{^N}\p{Letter}\p{ Lu }", @"\P{L}+|\P{N}\p{L}\p{Lu}" },
        { @"[\S\d]+|[^\S\n]|[\P{L}a]", @"[\S\d]+|[^\S\n]|[\P{L}a]" },
        { @"[]a]+|[a-]|[-x]|[\-\]\\]|\.\*|\{|x{|}", @"[\]a]+|[a-]|[-x]|[\-\]\\]|\.\*|\{|x\{|\}" },
        { @"(?<w>\p{L})+|(\p{N})(?#digit)", @"(?<w>\p{L})+|(\p{N})" },
        { @"(?:\p{Zs}|\p{Pd}|\p{Sc}|\p{Cf}|\p{Co}|\p{Cn}|\p{Lt}|\p{Lm}|\p{Nl}|\p{No}|\p{Me}){2}", @"(?:\p{Zs}|\p{Pd}|\p{Sc}|\p{Cf}|\p{Co}|\p{Cn}|\p{Lt}|\p{Lm}|\p{Nl}|\p{No}|\p{Me}){2}" },
        { @"\p{L}*[\p{So}\p{Sk}]|\p{L}{2}\p{Lu}", @"\p{L}*[\p{So}\p{Sk}]|\p{L}{2}\p{Lu}" }, // giving back whole code points
        { @"\t|\n|\r|\f|\v|\a|\e|\u00e9|\x{1F}", "\t|\n|\r|\f|\v|\a|\u001B|\u00e9|\u001F" },
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public void PiecesEqualRegexPieces(string onig, string dotnet)
    {
        var scanner = new RegexPreTokenizer(onig);
        var regex = new Regex(dotnet, RegexOptions.CultureInvariant);
        TextGenerator.Text.Sample(
            text => HfPatterns.Scan(scanner, text) is { } pieces && pieces.SequenceEqual(HfPatterns.Isolated(regex, text)),
            writeLine: output.WriteLine,
            iter: 20_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.ShowSplit(scanner, text)}"
                + $"\n  regex:   {Pieces.Show(HfPatterns.Isolated(regex, text))}");
    }

    /// <summary>TryFind gives .NET's first match from any start, empty ones included.</summary>
    [Theory]
    [MemberData(nameof(Constructs))]
    public void TryFindGivesTheFirstMatch(string onig, string dotnet)
    {
        OnigRegex compiled = OnigRegex.Compile(onig);
        var regex = new Regex(dotnet, RegexOptions.CultureInvariant);
        Gen.Select(TextGenerator.Text, Gen.Double[0, 1]).Sample(
            (text, at) =>
            {
                int from = (int)(at * text.Length);
                Match expected = regex.Match(text, from);
                bool found = compiled.TryFind(text, from, out int start, out int length);
                return found == expected.Success && (!found || (start == expected.Index && length == expected.Length));
            },
            writeLine: output.WriteLine,
            iter: 5_000);
    }
}
