using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

public class Gpt2PreTokenizerTests
{
    private static List<string> Split(string text)
    {
        var pieces = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            int len = Gpt2PreTokenizer.Instance.NextPieceLength(text, i);
            pieces.Add(text.Substring(i, len));
            i += len;
        }
        return pieces;
    }

    [Fact]
    public void SplitsWordsContractionsAndSpaces()
    {
        Assert.Equal(["Hello", ",", " world", "'s", "  ", " 42", "!", "\n"], Split("Hello, world's   42!\n"));
    }
}
