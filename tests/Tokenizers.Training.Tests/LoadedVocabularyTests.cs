using System.Runtime.CompilerServices;
using Tokenizers.WordLevel;

namespace Tokenizers.Training.Tests;

/// <summary>
/// Issue 9 §4: the vocabularies <c>train</c> writes (word lists, and BPE with ids that do not follow merge order) load at
/// run time with <see cref="TokenizerFile"/> into tokenizers that give the ids of the classes the generator compiled
/// from the same files.
/// </summary>
public class LoadedVocabularyTests
{
    private static string Trained(string folder, string file)
        => Path.Combine(ThisDir(), "obj", "trained", folder, file);

    private static string ThisDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>The story in slices of every size, and text the vocabularies have never seen.</summary>
    private static IEnumerable<string> Texts()
    {
        string text = Verdict.Text;
        for (int start = 0, length = 1; start < text.Length; start += length, length = length * 3 % 1_001 + 1)
            yield return text.Substring(start, Math.Min(length, text.Length - start));
        yield return "It's the last he painted, you know,\" Mrs. Gisburn said with pardonable pride.";
        yield return "Hello, do you like tea? <|endoftext|> In the sunlit terraces of the palace. ünïcödé 😀";
    }

    [Fact]
    public void WordListsGiveTheGeneratedIds()
    {
        var v1 = TokenizerFile.Load(Trained("verdict-v1", "words.txt"));
        var v2 = TokenizerFile.Load(Trained("verdict-v2", "words.txt"), new TokenizerFileOptions { UnknownToken = "<|unk|>" });
        ITokenizer generatedV1 = new VerdictWordsV1(), generatedV2 = new VerdictWordsV2();
        Assert.Equal(generatedV1.VocabularySize, v1.VocabularySize);
        Assert.Equal(generatedV2.VocabularySize, v2.VocabularySize);
        foreach (string text in Texts())
        {
            var expected = generatedV2.EncodeToIds(text);
            Assert.Equal(expected, v2.EncodeToIds(text));
            Assert.Equal(generatedV2.Decode(expected), v2.Decode(expected));
            var unknown = Record.Exception(() => generatedV1.EncodeToIds(text));
            if (unknown is null) Assert.Equal(generatedV1.EncodeToIds(text), v1.EncodeToIds(text));
            else Assert.Equal(((UnknownWordException)unknown).Position, Assert.Throws<UnknownWordException>(() => v1.EncodeToIds(text)).Position);
        }
    }

    [Fact]
    public void ACustomSplitPatternIsTheGeneratorsToo()
    {
        var words = TokenizerFile.Load(Trained("verdict-v2", "words.txt"), new TokenizerFileOptions { SplitRegex = @"\s+", UnknownToken = "<|unk|>" });
        // Split on white space only, "painted." is one word the list does not have.
        Assert.Equal(words.EncodeToIds("the <|unk|>"), words.EncodeToIds("the painted."));
        var error = Assert.Throws<ArgumentException>(() => TokenizerFile.Load(Trained("verdict-v2", "words.txt"), new TokenizerFileOptions { SplitRegex = "(" }));
        Assert.StartsWith("SplitRegex '(' is not valid: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verdict-seed-bpe", "none")]
    [InlineData("verdict-gpt2-bpe", null)]
    public void TrainedBpeGivesTheGeneratedIds(string folder, string? pattern)
    {
        var loaded = TokenizerFile.Load(Trained(folder, "vocab.json"), Trained(folder, "merges.txt"), new TokenizerFileOptions { PreTokenizer = pattern });
        ITokenizer generated = folder == "verdict-seed-bpe" ? new VerdictSeedBpe() : new VerdictGpt2Bpe();
        Assert.Equal(generated.VocabularySize, loaded.VocabularySize);
        foreach (string text in Texts())
        {
            foreach (var policy in new[] { SpecialTokenPolicy.None, SpecialTokenPolicy.All })
            {
                var expected = generated.EncodeToIds(text, policy);
                Assert.Equal(expected, loaded.EncodeToIds(text, policy));
                Assert.Equal(expected.Count, loaded.CountTokens(text.AsSpan(), policy));
                Assert.Equal(generated.Decode(expected), loaded.Decode(expected));
            }
        }
    }
}
