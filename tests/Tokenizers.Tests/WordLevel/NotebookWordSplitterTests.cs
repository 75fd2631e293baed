using System.Text;
using System.Text.RegularExpressions;
using Tokenizers.Notebook;
using Tokenizers.WordLevel;

namespace Tokenizers.Tests.WordLevel;

/// <summary>The scanner against the notebook's <c>re.split</c> + strip filter, run as a .NET regex with Python's whitespace.</summary>
public class NotebookWordSplitterTests
{
    // Python's \s for str patterns is str.isspace, which adds U+001C–U+001F to .NET's \s.
    private static readonly Regex s_notebook = new("""([,.?_!"()']|--|[\s\x1C-\x1F])""");

    private static List<string> Expected(string text)
        => s_notebook.Split(text).Where(p => !PythonWhitespace.IsBlank(p)).ToList();

    private static List<string> Scanned(string text)
    {
        var words = new List<string>();
        int position = 0;
        while (NotebookWordSplitter.TryNextWord(text, ref position, out int start, out int length)) words.Add(text.Substring(start, length));
        return words;
    }

    [Theory]
    [InlineData("It's the last he painted.")]
    [InlineData("Hello, do you like tea? <|endoftext|> In the sunlit terraces of the palace.")]
    [InlineData("a---b -- c--d- -e \u001Ff\u00A0g\u3000h")]
    [InlineData("  ")]
    [InlineData("")]
    public void SplitsLikeTheNotebook(string text) => Assert.Equal(Expected(text), Scanned(text));

    [Fact]
    public void SplitsRandomTextLikeTheNotebook()
    {
        const string alphabet = "ab-,.?_!\"()' \n\t\u001C\u0085\u00A0\u2028é";
        var random = new Random(7);
        for (int n = 0; n < 2000; n++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 24);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            string text = sb.ToString();
            Assert.Equal(Expected(text), Scanned(text));
        }
    }

    [Fact]
    public void PythonWhitespaceMatchesStrIsspace()
    {
        // From Python 3: [hex(c) for c in range(0x10000) if chr(c).isspace()]
        int[] python = [0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
            0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
        var ours = Enumerable.Range(0, 0x10000).Where(c => PythonWhitespace.IsWhitespace((char)c)).ToArray();
        Assert.Equal(python, ours);
    }
}
