using Tokenizers.Notebook;

namespace Tokenizers.Tests;

/// <summary>The notebook's SimpleByteTokenizer.</summary>
public class ByteTokenizerTests
{
    private readonly ByteTokenizer _tokenizer = ByteTokenizer.Instance;

    [Fact]
    public void EncodesUtf8BytesAsTheNotebookPrints()
    {
        IReadOnlyList<int> ids = _tokenizer.EncodeToIds("Hello how are you?");
        Assert.Equal([72, 101, 108, 108, 111, 32, 104, 111, 119, 32, 97, 114, 101, 32, 121, 111, 117, 63], ids);
        Assert.Equal("Hello how are you?", _tokenizer.Decode(ids));
        Assert.Equal([0xE2, 0x82, 0xAC], _tokenizer.EncodeToIds("€"));
    }

    [Fact]
    public void DecodeReplacesInvalidUtf8LikePythonErrorsReplace()
    {
        // b'\xe2\x82 ok \xff'.decode('utf-8', errors='replace') == '\ufffd ok \ufffd'
        Assert.Equal("\uFFFD ok \uFFFD", _tokenizer.Decode([0xE2, 0x82, 32, 111, 107, 32, 0xFF]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Decode([256]));
    }

    [Fact]
    public void SpanEncodingKeepsCharactersWhole()
    {
        Span<int> ids = stackalloc int[5];
        var status = _tokenizer.EncodeToIds("a€b", ids, out int consumed, out int written);
        Assert.Equal(System.Buffers.OperationStatus.Done, status);
        Assert.Equal((3, 5), (consumed, written));
        status = _tokenizer.EncodeToIds("a€b", ids[..3], out consumed, out written);
        Assert.Equal(System.Buffers.OperationStatus.DestinationTooSmall, status);
        Assert.Equal((1, 1), (consumed, written));
        Assert.Equal(5, _tokenizer.CountTokens("a€b"));
    }
}
