using System.Buffers;

namespace Tokenizers.OpenAI.Tests;

/// <summary>The allocation-free span overload: same ids, stops at a piece boundary when the buffer is full.</summary>
public class SpanEncodingTests
{
    private const string Text = "Hello, world! Tokenizers compile vocabularies at build time.";

    [Theory]
    [InlineData("gpt2")]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    public void MatchesListOverload(string encoding)
    {
        var tokenizer = OpenAIEncodings.Get(encoding);
        var expected = tokenizer.EncodeToIds(Text);
        var buffer = new int[expected.Count];
        Assert.Equal(OperationStatus.Done, tokenizer.EncodeToIds(Text, buffer, out int consumed, out int written));
        Assert.Equal(Text.Length, consumed);
        Assert.Equal(expected, buffer.Take(written));
    }

    [Fact]
    public void ResumesWhereTheBufferFilled()
    {
        var tokenizer = new Cl100kBaseTokenizer();
        var expected = tokenizer.EncodeToIds(Text);
        var all = new List<int>();
        var buffer = new int[3];
        ReadOnlySpan<char> rest = Text;
        while (true)
        {
            var status = tokenizer.EncodeToIds(rest, buffer, out int consumed, out int written);
            all.AddRange(buffer.Take(written));
            rest = rest[consumed..];
            if (status == OperationStatus.Done) break;
            Assert.Equal(OperationStatus.DestinationTooSmall, status);
            Assert.True(written > 0);
        }
        Assert.Equal(expected, all);
    }
}
