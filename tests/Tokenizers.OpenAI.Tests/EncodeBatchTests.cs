namespace Tokenizers.OpenAI.Tests;

public class EncodeBatchTests
{
    [Theory]
    [InlineData("gpt2")]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    public void EveryTextGetsItsOwnIdsInOrder(string encoding)
    {
        var tokenizer = OpenAIEncodings.Get(encoding);
        var rng = new Random(5);
        string[] words = ["hello", " world", "<|endoftext|>", " 東京", "\n\n", " naïve", "x", "", " 12345", new string('z', 5000)];
        var texts = Enumerable.Range(0, 2000)
            .Select(_ => string.Concat(Enumerable.Range(0, rng.Next(0, 12)).Select(_ => words[rng.Next(words.Length)])))
            .ToArray();
        var batch = tokenizer.EncodeBatch(texts);
        Assert.Equal(texts.Length, batch.Length);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(tokenizer.EncodeToIds(texts[i]), batch[i]);

        var special = tokenizer.EncodeBatch(texts, SpecialTokenPolicy.All);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(tokenizer.EncodeToIds(texts[i], SpecialTokenPolicy.All), special[i]);
        Assert.Empty(tokenizer.EncodeBatch([]));
    }
}
