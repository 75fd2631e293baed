using Tokenizers.Compilation;

namespace Tokenizers.Generator.Tests;

public class SplitTableBuilderTests
{
    private static (byte[] Bytes, int Rank, int Id) T(string s, int rank) => (s.Select(c => (byte)c).ToArray(), rank, rank);

    [Fact]
    public void ATokenSplitsWhereItsLastMergeJoinedIt()
    {
        // a, b, c; ab; abc = ab + c (a + bc is not possible: bc is not a token).
        var split = SplitTableBuilder.Build([T("a", 0), T("b", 1), T("c", 2), T("ab", 3), T("abc", 4)], TestContext.Current.CancellationToken);
        Assert.NotNull(split);
        Assert.Equal(new ushort[] { 0, 0, 0, 1, 2 }, split);
    }

    [Fact]
    public void TheLaterOfTwoCompetingMergesIsNotTheSplit()
    {
        // In "abc", bc (rank 3) merges before ab (rank 4) could, so abc = a + bc even though ab + c spells it too.
        var split = SplitTableBuilder.Build([T("a", 0), T("b", 1), T("c", 2), T("bc", 3), T("ab", 4), T("abc", 5)], TestContext.Current.CancellationToken);
        Assert.Equal(1, split![5]);
    }

    [Fact]
    public void ATokenNoMergeBuildsDisablesTheTable()
    {
        // ab is ranked below b, so merging by rank never forms it from a and b.
        Assert.Null(SplitTableBuilder.Build([T("a", 0), T("ab", 1), T("b", 2)], TestContext.Current.CancellationToken));
    }
}
