using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

public class Cl100kPreTokenizerTests
{
    private static List<string> Split(string text) => Pieces.Split(Cl100kPreTokenizer.Instance, text);

    [Fact]
    public void DigitsGoInThrees() => Assert.Equal(["Hello", " world", "123", "456"], Split("Hello world123456"));

    [Fact]
    public void ContractionsIgnoreCaseIncludingLongS() =>
        Assert.Equal(["I", "'m", " SHOUTING", "'S", " don", "'T", " it", "'ſ", " we", "'Re"], Split("I'm SHOUTING'S don'T it'ſ we'Re"));

    [Fact]
    public void NonNewlinePrefixJoinsTheWordThatFollows() =>
        Assert.Equal(["\tword", "\n", "word", "!worde", "\u0301t"], Split("\tword\nword!worde\u0301t"));

    [Fact]
    public void PunctuationKeepsTheNewlinesAfterIt() =>
        Assert.Equal(["x", "!!!\n\n", "y", ":/\n", "/y"], Split("x!!!\n\ny:/\n/y"));

    [Fact]
    public void WhiteSpaceRunsEndAtTheirLastNewlineOrLeaveOneSpace() =>
        Assert.Equal(["a", "  \n\n", " ", " b", "  \t"], Split("a  \n\n  b  \t"));
}
