using System.Buffers;
using Tokenizers.Data;

namespace Tokenizers.OpenAI.Tests;

/// <summary>
/// The tables are read in place from the assembly's string heap, and the allocation-free entry points allocate nothing.
/// </summary>
public class ConstantDataTests
{
    // A table as the generator writes one: its key between U+FDD0 and U+FDD1, then the data, two bytes a char.
    private static string Table => "\uFDD0Test:2:0123456789abcdef\uFDD1\u0201\u0403";

    [Fact]
    public void ATableIsFoundInTheAssemblysMetadataWithoutLoadingTheLiteral()
    {
        var t = ConstantTable.Find(typeof(ConstantDataTests).Assembly, "Test:2:0123456789abcdef",
            () => throw new InvalidOperationException("the literal was loaded: the table was not found in place"));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, t.Bytes.ToArray());
        Assert.Equal(4, ConstantTable.Find(typeof(ConstantDataTests).Assembly, "Test:2:0123456789abcdef", () => Table).Bytes.Length);
    }

    [Fact]
    public void EveryGeneratedTableIsFoundInPlace()
    {
        // The generated tokenizers pass a fallback that loads the literal; had any table been loaded, the managed heap
        // would hold its megabytes. Using all five encodings must not allocate more than a few kilobytes. Counted on this
        // thread: the process-wide heap also grows with the tests that run in parallel.
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (string name in OpenAIEncodings.Names) OpenAIEncodings.Get(name).CountTokens("hello world");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512 * 1024);
    }

    [Fact]
    public void WithoutTheTableInTheMetadataTheLiteralIsUsedPastItsHeader()
    {
        var t = ConstantTable.Find(typeof(Cl100kBaseTokenizer).Assembly, "No.Such.Table", () => "\uFDD0No.Such.Table\uFDD1\u0201\u0403");
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, t.Bytes.ToArray());
        Assert.Throws<InvalidOperationException>(() => ConstantTable.Find(typeof(Cl100kBaseTokenizer).Assembly, "No.Such.Table", () => "no header"));
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    public void CountTokensAndTheSpanOverloadAllocateNothing(string encoding)
    {
        var tokenizer = OpenAIEncodings.Get(encoding);
        string text = "Hello, world! naïve café, 東京 and 서울 😀\n\tint x = y ?? 42; // unusual tokenization " + new string('q', 3000) + " end";
        var buffer = new int[text.Length * 2];
        // The runtime itself allocates on this thread while tiered JIT settles, so the least of a few rounds is what counts.
        long least = long.MaxValue;
        for (int round = 0; round < 5 && least > 0; round++)
        {
            bool done = true;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20; i++)
            {
                tokenizer.CountTokens(text);
                done &= tokenizer.EncodeToIds(text, buffer, out _, out _) == OperationStatus.Done;
            }
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(done);
        }
        Assert.Equal(0, least);
    }
}
