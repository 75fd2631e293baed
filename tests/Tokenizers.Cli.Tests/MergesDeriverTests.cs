using Tokenizers.Cli.Conversion;
using Tokenizers.Training.Bpe;

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

    /// <summary>The 256 single bytes with their byte values as ranks, then <paramref name="merged"/> from rank 256 on.</summary>
    private static Dictionary<string, int> WithAllBytes(params string[] merged)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int b = 0; b < 256; b++) ranks.Add(ByteLevelAlphabet.ToChar((byte)b).ToString(), b);
        foreach (string token in merged) ranks.Add(token, ranks.Count);
        return ranks;
    }

    private static string MergesText(IEnumerable<Merge> merges) => HuggingFaceBpeWriter.FormatMerges(merges.Select(m => (m.Left, m.Right)));

    [Fact]
    public void ReadingTheWrittenFilesGivesTheRanksBack()
    {
        var file = new RankFile(WithAllBytes("bc", "ab", "abc"), new Dictionary<string, int>());
        var back = HuggingFaceReader.Read(Converter.FormatVocab(file), MergesText(MergesDeriver.Derive(file.Ranks)));
        Assert.Null(Converter.FirstDifference(file, back));
    }

    [Fact]
    public void MergesOutOfRankOrderComeBackWithTheirMergeOrder()
    {
        // The generator merges by merges.txt's order: "ab" (id 257) before "bc" (id 256) is not tiktoken's priority.
        var file = new RankFile(WithAllBytes("bc", "ab"), new Dictionary<string, int>());
        var back = HuggingFaceReader.Read(Converter.FormatVocab(file), "#version: 0.2\na b\nb c\n");
        Assert.Equal((256, 257), (back.Ranks["ab"], back.Ranks["bc"]));
        Assert.Contains("comes back as", Converter.FirstDifference(file, back));
    }

    [Fact]
    public void ReadingReportsTheGeneratorsFirstError()
    {
        var file = new RankFile(WithAllBytes("ab"), new Dictionary<string, int>());
        var e = Assert.Throws<InvalidDataException>(() => HuggingFaceReader.Read(Converter.FormatVocab(file), "#version: 0.2\na b\nab x\n"));
        Assert.Equal("merges.txt(3,1): result 'abx' of merge 'ab x' is not in the vocabulary", e.Message);
    }

    [Fact]
    public void VerifyFailsLoudlyWhenTheFilesDoNotReproduceTheRanks()
    {
        var file = new RankFile(WithAllBytes("ab"), new Dictionary<string, int>());
        string vocab = Converter.FormatVocab(file);
        Converter.Verify(vocab, "#version: 0.2\na b\n", file);
        var e = Assert.Throws<ConversionVerificationException>(() => Converter.Verify(vocab, "#version: 0.2\n", file));
        Assert.Contains("verification failed", e.Message);
    }
}
