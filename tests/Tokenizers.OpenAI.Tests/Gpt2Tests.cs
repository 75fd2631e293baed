using Tokenizers.Tests;

namespace Tokenizers.OpenAI.Tests;

public class Gpt2Tests
{
    private static readonly Gpt2Tokenizer s_gpt2 = new();

    [Fact]
    public void NotebookSentence()
        => Assert.Equal([40, 2936, 1498, 284, 1986, 262, 1109], s_gpt2.EncodeToIds("I felt able to face the fact"));

    [Fact]
    public void TheVerdictGives5145Ids()
    {
        string text = File.ReadAllText(SharedData.Path_("data", "the-verdict.txt"));
        var ids = s_gpt2.EncodeToIds(text);
        Assert.Equal(5145, ids.Count);
        Assert.Equal([40, 367, 2885, 1464], ids.Take(4));
        Assert.Equal(ReferenceVectors.Get("gpt2", "the-verdict").Ids, ids);
        Assert.Equal(text, s_gpt2.Decode(ids));
    }

    [Fact]
    public void VocabularyShape()
    {
        Assert.Equal(50257, s_gpt2.VocabularySize);
        Assert.Equal("<|endoftext|>", Assert.Single(s_gpt2.SpecialTokens).Text);
    }
}
