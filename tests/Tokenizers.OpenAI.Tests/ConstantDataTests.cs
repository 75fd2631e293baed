using System.Buffers;
using Tokenizers.Data;

namespace Tokenizers.OpenAI.Tests;

/// <summary>
/// The tables are read in place from the assembly's string heap, and the allocation-free entry points allocate nothing.
/// </summary>
public class ConstantDataTests
{
    [Theory]
    [InlineData("Cl100kBaseTokenizer", "Trie")]
    [InlineData("O200kBaseTokenizer", "Splits")]
    [InlineData("Gpt2Tokenizer", "TokenBytes")]
    public void GeneratedTablesAreFoundInTheMetadataWithoutCopying(string type, string table)
    {
        var t = ConstantTable.Find(typeof(Cl100kBaseTokenizer).Assembly, $"Tokenizers.OpenAI.{type}.{table}",
            () => throw new InvalidOperationException("the literal was loaded: the table was not found in place"));
        Assert.True(t.Bytes.Length > 1000);
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
