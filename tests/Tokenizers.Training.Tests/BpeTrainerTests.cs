using System.Text;
using Tokenizers.Training.Bpe;

namespace Tokenizers.Training.Tests;

/// <summary>The trainer's rules on small texts, checked against what the notebook's loop does by hand.</summary>
public class BpeTrainerTests
{
    private static TrainedBpe Seed(string text, int merges, int minFrequency = 1)
        => BpeTrainer.Train([text], new BpeTrainingOptions { VocabularySize = 256 + merges, MinFrequency = minFrequency, SeedCompatible = true }, TestContext.Current.CancellationToken);

    private static string Token(TrainedBpe bpe, int id) => Encoding.UTF8.GetString(bpe.Tokens[id]);

    [Fact]
    public void OverlappingPairsCountTwiceAndMergeLeftToRight()
    {
        // "aaaaa": (a,a) counted 4 times; merging left to right gives aa aa a, then aaaa a, then aaaaa
        // (checked against the notebook's Python).
        TrainedBpe bpe = Seed("aaaaa", 4);
        Assert.Equal([4L, 1L, 1L], bpe.Merges.Select(m => m.Count));
        Assert.Equal(["aa", "aaaa", "aaaaa"], bpe.Tokens.Skip(256).Select(t => Encoding.UTF8.GetString(t)));
        Assert.Contains("no pairs left", bpe.StopReason);
    }

    [Fact]
    public void TiesGoToThePairSeenFirst()
    {
        // (c,d) and (a,b) both occur twice; "cd" comes first in the text.
        TrainedBpe bpe = Seed("cdab-ab-cd", 1);
        Assert.Equal("cd", Token(bpe, 256));
        Assert.Equal("ab", Token(Seed("xcdab-ab-cd", 2), 257));
    }

    [Fact]
    public void TiesFollowTheCurrentTextNotTheOriginalOne()
    {
        // After "ab" merges, (x,ab) at position 0 and (c,c) at 3 both occur twice: the earlier one wins.
        TrainedBpe bpe = Seed("xabcc-xabcc-abab", 2);
        Assert.Equal(["ab", "xab"], new[] { Token(bpe, 256), Token(bpe, 257) });
    }

    [Fact]
    public void StopsUnderTheMinimumFrequency()
    {
        // "ab" and "ab " occur 3 times; ("ab ", "ab") twice.
        TrainedBpe bpe = Seed("ab ab ab cd cd", 10, minFrequency: 3);
        Assert.Equal(["ab", "ab "], bpe.Tokens.Skip(256).Select(t => Encoding.UTF8.GetString(t)));
        Assert.Contains("minimum frequency 3", bpe.StopReason);
    }

    [Fact]
    public void PreTokenizedTrainingNeverCrossesPiecesOrSpecialTokens()
    {
        var options = new BpeTrainingOptions { VocabularySize = 300, PreTokenizer = "gpt2", SpecialTokens = ["<|x|>"] };
        TrainedBpe bpe = BpeTrainer.Train(["the cat<|x|>the cat<|x|>the cat"], options, TestContext.Current.CancellationToken);
        Assert.All(bpe.Tokens.Skip(256), t => Assert.DoesNotContain((byte)'<', t));
        Assert.DoesNotContain(bpe.Tokens.Skip(256), t => Encoding.UTF8.GetString(t).Contains("e c"));
        Assert.Contains(bpe.Tokens, t => Encoding.UTF8.GetString(t) == " cat");
        Assert.Equal(["<|x|>"], bpe.SpecialTokens);
    }

    [Fact]
    public void RejectsInconsistentOptions()
    {
        Assert.Throws<ArgumentException>(() => BpeTrainer.Train(["x"], new BpeTrainingOptions { VocabularySize = 256, SpecialTokens = ["<s>"] }, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => BpeTrainer.Train(["x"], new BpeTrainingOptions { VocabularySize = 300, PreTokenizer = "bert" }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TrainsALargerCorpusIncrementally()
    {
        // Speed sanity without a timing assert: ~1 MB of Zipf-distributed words and 4,000 merges finish in a
        // couple of seconds only because pair counts are updated incrementally (recounting would take minutes).
        var random = new Random(11);
        var words = Enumerable.Range(0, 5000).Select(_ => new string(Enumerable.Range(0, random.Next(2, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray())).ToArray();
        var sb = new StringBuilder();
        while (sb.Length < 1_000_000) sb.Append(' ').Append(words[(int)(words.Length * Math.Pow(random.NextDouble(), 3))]);
        var reports = new List<BpeTrainingProgress>();
        var options = new BpeTrainingOptions { VocabularySize = 4256, Progress = new Collect(reports) };
        TrainedBpe bpe = BpeTrainer.Train([sb.ToString()], options, TestContext.Current.CancellationToken);
        Assert.Equal(4256, bpe.VocabularySize);
        Assert.True(reports.Count > 10 && reports[^1].Finished);
        // Counts never grow from one merge to the next.
        for (int i = 1; i < bpe.Merges.Count; i++) Assert.True(bpe.Merges[i].Count <= bpe.Merges[i - 1].Count);
    }

    private sealed class Collect(List<BpeTrainingProgress> reports) : IProgress<BpeTrainingProgress>
    {
        public void Report(BpeTrainingProgress value) => reports.Add(value);
    }
}
