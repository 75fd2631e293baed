using Tokenizers.Training.Words;
using Tokenizers.WordLevel;

namespace Tokenizers.Training.Tests;

/// <summary>The notebook's SimpleTokenizerV1 and V2 on the-verdict's vocabulary, compiled by our generator.</summary>
public class WordLevelAcceptanceTests
{
    [Fact]
    public void V1EncodesAndDecodesAsTheNotebookPrints()
    {
        var v1 = new VerdictWordsV1();
        IReadOnlyList<int> ids = v1.EncodeToIds("It's the last he painted.");
        Assert.Equal([58, 2, 872, 1013, 615, 541, 763, 7], ids);
        Assert.Equal("It' s the last he painted.", v1.Decode(ids));
        Assert.Null(v1.UnknownTokenId);
    }

    [Fact]
    public void V1ThrowsNamingTheUnknownWordAndItsPosition()
    {
        var e = Assert.Throws<UnknownWordException>(() => new VerdictWordsV1().EncodeToIds("Hello, do you like tea?"));
        Assert.Equal(("Hello", 0), (e.Word, e.Position));
        e = Assert.Throws<UnknownWordException>(() => new VerdictWordsV1().EncodeToIds("In the sunlit terraces of the palace."));
        Assert.Equal(("palace", 30), (e.Word, e.Position));
        Assert.Contains("'palace' at character 30", e.Message);
    }

    [Fact]
    public void V2HasTheNotebooksVocabularyTailAndOutput()
    {
        var v2 = new VerdictWordsV2();
        Assert.Equal(1161, v2.VocabularySize);  // 1,159 words + <|unk|> + <|endoftext|>
        Assert.Equal(["younger", "your", "yourself", "<|unk|>", "<|endoftext|>"], Enumerable.Range(1156, 5).Select(v2.GetToken));
        IReadOnlyList<int> ids = v2.EncodeToIds("Hello, do you like tea? <|endoftext|> In the sunlit terraces of the palace.");
        Assert.Equal("<|unk|>, do you like tea? <|endoftext|> In the sunlit terraces of the <|unk|>.", v2.Decode(ids));
        // V2 gives the V1 words the same ids.
        Assert.Equal(new VerdictWordsV1().EncodeToIds("It's the last he painted."), v2.EncodeToIds("It's the last he painted."));
    }

    [Fact]
    public void TrainerBuildsTheCompiledList()
    {
        List<string> words = WordVocabularyTrainer.Train([Verdict.Text], ["<|unk|>", "<|endoftext|>"]);
        var v2 = new VerdictWordsV2();
        Assert.Equal(words, Enumerable.Range(0, v2.VocabularySize).Select(v2.GetToken));
    }

    [Fact]
    public void TrainerSortsByCodePoint()
    {
        // U+FF01 sorts before U+1F600 by code point, though not by UTF-16 code unit.
        Assert.Equal(["a", "b", "\uFF01", "\U0001F600", "<s>"], WordVocabularyTrainer.Train(["b \U0001F600 a \uFF01 b"], ["<s>"]));
        Assert.Throws<ArgumentException>(() => WordVocabularyTrainer.Train(["a"], ["<s>", "<s>"]));
    }

    [Fact]
    public void SpecialTokenThatIsAlreadyAWordKeepsItsPlace()
    {
        var already = new List<string>();
        Assert.Equal(["<s>", "a", "</s>"], WordVocabularyTrainer.Train(["a <s>"], ["<s>", "</s>"], already));
        Assert.Equal(["<s>"], already);
    }

    [Fact]
    public void CliTrainsTheNotebooksWordList()
    {
        string folder = Path.Combine(Path.GetTempPath(), "words-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter();
            int code = Cli.Program.Run(["train", "--model", "word", "--special", "<|unk|>", "--special", "<|endoftext|>", "--output", folder, Verdict.Path],
                stdout, new StringWriter());
            Assert.Equal(0, code);
            string[] lines = File.ReadAllLines(Path.Combine(folder, "words.txt"));
            Assert.Equal(1161, lines.Length);
            Assert.Equal(["yourself", "<|unk|>", "<|endoftext|>"], lines[^3..]);
            var stderr = new StringWriter();
            Assert.Equal(2, Cli.Program.Run(["train", "--model", "word", "--vocab-size", "9", "--output", folder, Verdict.Path], stdout, stderr));
            Assert.Contains("--vocab-size is for --model bpe only", stderr.ToString());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
