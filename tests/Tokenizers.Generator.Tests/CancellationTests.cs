using System.Threading;
using Tokenizers.Compilation;

namespace Tokenizers.Generator.Tests;

/// <summary>Issue 12 §1: the table builders, the long part of compiling a large vocabulary, stop when the build is cancelled.</summary>
public class CancellationTests
{
    private static List<(byte[] Bytes, int Rank, int Id)> Tokens()
    {
        var tokens = new List<(byte[], int, int)>();
        for (int b = 0; b < 256; b++) tokens.Add(([(byte)b], b, b));
        for (int i = 0; i < 20_000; i++) tokens.Add(([(byte)(i & 0xFF), (byte)(i >> 8), 1], 256 + i, 256 + i));
        return tokens;
    }

    private static CancellationToken Cancelled => new(canceled: true);

    [Fact]
    public void TrieBuilderStops()
        => Assert.ThrowsAny<OperationCanceledException>(() => DoubleArrayTrieBuilder.BuildSlots(Tokens().Select(t => (t.Bytes, t.Rank)), Cancelled));

    [Fact]
    public void SplitTableBuilderStops()
        => Assert.ThrowsAny<OperationCanceledException>(() => SplitTableBuilder.Build(Tokens(), Cancelled));

    [Fact]
    public void WordTablesStop()
        => Assert.ThrowsAny<OperationCanceledException>(() => WordLevelTables.Build(Enumerable.Range(0, 10_000).Select(i => "w" + i).ToList(), null, -1, null, Cancelled));
}
