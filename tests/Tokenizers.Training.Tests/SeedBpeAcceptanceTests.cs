using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Notebook;
using Tokenizers.Training.Bpe;

namespace Tokenizers.Training.Tests;

/// <summary>The notebook's SimpleBPETokenizer on the-verdict (vocab_size=500, freq_threshold=5) and its printed outputs.</summary>
public class SeedBpeAcceptanceTests
{
    private static readonly string[] s_lastTen = ["for ", "ould", "tch", "gre", "pr", "ould have ", "--t", "cou", "ure ", "k "];

    private static readonly TrainedBpe s_trained = BpeTrainer.Train([Verdict.Text],
        new BpeTrainingOptions { VocabularySize = 500, MinFrequency = 5, SeedCompatible = true }, TestContext.Current.CancellationToken);

    [Fact]
    public void TrainerEndsWithTheNotebooksLastTenTokens()
    {
        Assert.Equal(500, s_trained.VocabularySize);
        Assert.Equal(s_lastTen, s_trained.Tokens.Skip(490).Select(t => Encoding.UTF8.GetString(t)));
        for (int b = 0; b < 256; b++) Assert.Equal([(byte)b], s_trained.Tokens[b]);
    }

    [Fact]
    public void CompiledVocabularyHasTheTrainersTokensAtTheSameIds()
    {
        var compiled = new VerdictSeedBpe();
        Assert.Equal(500, compiled.VocabularySize);
        Span<byte> buffer = stackalloc byte[64];
        for (int id = 0; id < 500; id++)
        {
            int length = compiled.DecodeToBytes(id, buffer);
            Assert.Equal(s_trained.Tokens[id], buffer[..length].ToArray());
        }
    }

    [Fact]
    public void GreedyLongestMatchGivesTheNotebooksIds()
    {
        var greedy = new GreedyLongestMatchTokenizer(new VerdictSeedBpe());
        IReadOnlyList<int> ids = greedy.EncodeToIds("I felt able to face the fact");
        Assert.Equal([278, 102, 288, 259, 336, 353, 116, 273, 102, 300, 305, 262, 102, 300, 116], ids);
        Assert.Equal("I felt able to face the fact", greedy.Decode(ids));
    }

    [Fact]
    public void DefaultEncodingMergesByRankAndRoundTrips()
    {
        var bpe = new VerdictSeedBpe();
        IReadOnlyList<int> ids = bpe.EncodeToIds("I felt able to face the fact");
        Assert.Equal("I felt able to face the fact", bpe.Decode(ids));
        Assert.True(ids.Count <= 15);
        Assert.Equal(Verdict.Text, bpe.Decode(bpe.EncodeToIds(Verdict.Text)));
    }

    [Fact]
    public void CliWritesTheNotebooksVocabulary()
    {
        string folder = Path.Combine(Path.GetTempPath(), "seed-bpe-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter();
            int code = Cli.Program.Run(["train", "--model", "bpe", "--vocab-size", "500", "--min-frequency", "5", "--seed-compatible",
                "--output", folder, Verdict.Path], stdout, new StringWriter());
            Assert.Equal(0, code);
            string vocab = File.ReadAllText(Path.Combine(folder, "vocab.json"));
            Assert.Contains("\"forĠ\": 490,", vocab);
            Assert.Contains("\"kĠ\": 499\n}", vocab);
            Assert.StartsWith("#version: 0.2\n", File.ReadAllText(Path.Combine(folder, "merges.txt")));
            Assert.Equal(HuggingFaceBpeWriter.FormatVocab(s_trained), vocab);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
