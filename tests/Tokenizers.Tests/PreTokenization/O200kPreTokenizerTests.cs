using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

public class O200kPreTokenizerTests
{
    private static List<string> Split(string text) => Pieces.Split(O200kPreTokenizer.Instance, text);

    [Fact]
    public void DigitsGoInThrees() => Assert.Equal(["Hello", " world", "123", "456"], Split("Hello world123456"));

    [Fact]
    public void WordsSplitBeforeACapitalThatStartsALowerCaseRun() =>
        Assert.Equal(["camel", "Case", "HTTPServer", " ǅemal", " ABC"], Split("camelCaseHTTPServer ǅemal ABC"));

    [Fact]
    public void ContractionsStayWithTheirWord() =>
        Assert.Equal(["don't", " DON'T", " ABC's", " it'ſ", "'s", " '", "S"], Split("don't DON'T ABC's it'ſ's 'S"));

    [Fact]
    public void SlashesAndNewlinesFollowPunctuation() =>
        Assert.Equal(["x", ":/\n/", "y", "/b"], Split("x:/\n/y/b"));

    /// <summary>A leading mark that no lower-case letter follows matches the first branch alone, before the second can take "A".</summary>
    [Fact]
    public void LeadingMarkBacktracksToTheFirstBranch() =>
        Assert.Equal(["\u0301", "A", " \u0301a", ",", " 한국어", " 텍스트"], Split("\u0301A \u0301a, 한국어 텍스트"));

    [Fact]
    public void WhiteSpaceRunsEndAtTheirLastNewlineOrLeaveOneSpace() =>
        Assert.Equal(["a", "  \n\n", " ", " b", "  \t"], Split("a  \n\n  b  \t"));
}
