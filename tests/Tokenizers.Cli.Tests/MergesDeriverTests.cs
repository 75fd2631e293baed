using Tokenizers.Cli.Conversion;

namespace Tokenizers.Cli.Tests;

public class MergesDeriverTests
{
    /// <summary>Parses "token=rank" pairs; tokens are ASCII letters (which stand for themselves) or Ġ for a space.</summary>
    private static Dictionary<string, int> Ranks(string spec) =>
        spec.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1]), StringComparer.Ordinal);

    [Fact]
    public void TakesTheSplitBpeMakesNotTheFirstOneFound()
    {
        // "bc" outranks "ab", so BPE on "abc" merges b+c first and ends at [a, bc].
        var merges = MergesDeriver.Derive(Ranks("a=0 b=1 c=2 bc=3 ab=4 abc=5"));
        Assert.Equal([new Merge("b", "c"), new Merge("a", "b"), new Merge("a", "bc")], merges);
    }

    [Fact]
    public void EqualRanksMergeLeftmostFirst()
    {
        var merges = MergesDeriver.Derive(Ranks("a=0 aa=1 aaa=2 aaaa=3"));
        Assert.Equal([new Merge("a", "a"), new Merge("aa", "a"), new Merge("aa", "aa")], merges);
    }

    [Fact]
    public void IgnoresHigherRanks()
    {
        // "ab" (rank 9) comes after "abc": BPE may not use it, so "abc" is a + bc.
        var merges = MergesDeriver.Derive(Ranks("a=0 b=1 c=2 bc=3 abc=4 ab=9"));
        Assert.Equal([new Merge("b", "c"), new Merge("a", "bc"), new Merge("a", "b")], merges);
    }

    [Fact]
    public void OrdersMergesByRankAndUsesTheAlphabet()
    {
        var merges = MergesDeriver.Derive(Ranks("Ġ=0 t=1 h=2 e=3 he=4 Ġt=5 Ġthe=7 th=6"));
        Assert.Equal(["h e", "Ġ t", "t h", "Ġt he"], merges.Select(m => m.ToString()));
    }

    [Fact]
    public void UnreachableTokenFailsLoudly()
    {
        var e = Assert.Throws<InvalidDataException>(() => MergesDeriver.Derive(Ranks("a=0 b=1 c=2 abc=3")));
        Assert.Contains("unreachable", e.Message);
    }

    [Fact]
    public void RebuildingFromTheMergesGivesTheRanksBack()
    {
        var ranks = Ranks("a=0 b=1 c=2 bc=3 ab=4 abc=5");
        var rebuilt = HuggingFaceReader.Rebuild(ranks, MergesDeriver.Derive(ranks).ToList());
        Assert.Null(Converter.FirstDifference(new RankFile(ranks, new Dictionary<string, int>()), rebuilt));
    }

    [Fact]
    public void RebuildRejectsMergesOutOfRankOrder()
    {
        var vocab = Ranks("a=0 b=1 c=2 bc=3 ab=4");
        var e = Assert.Throws<InvalidDataException>(() => HuggingFaceReader.Rebuild(vocab, [new Merge("a", "b"), new Merge("b", "c")]));
        Assert.Contains("not above", e.Message);
    }

    [Fact]
    public void VerifyFailsLoudlyWhenTheFilesDoNotReproduceTheRanks()
    {
        var ranks = Ranks("a=0 b=1 ab=2");
        var file = new RankFile(ranks, new Dictionary<string, int>());
        string vocab = Converter.FormatVocab(file);
        Converter.Verify(vocab, "#version: 0.2\na b\n", file);
        var e = Assert.Throws<ConversionVerificationException>(() => Converter.Verify(vocab, "#version: 0.2\n", file));
        Assert.Contains("verification failed", e.Message);
    }
}
