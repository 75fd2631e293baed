namespace Tokenizers.Tests;

public class ByteLevelAlphabetTests
{
    [Fact]
    public void ByteOrderPutsBytesInTheOrderOfTheirChars()
    {
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i).OrderBy(b => ByteLevelAlphabet.ToChar(b)), ByteLevelAlphabet.ByteOrder);
        Assert.Equal((byte)'!', ByteLevelAlphabet.ByteOrder[0]);
        Assert.Equal((byte)0x00, ByteLevelAlphabet.ByteOrder[188]);
    }

    [Fact]
    public void Has256DistinctChars() =>
        Assert.Equal(256, ByteLevelAlphabet.Chars.Distinct().Count());

    [Fact]
    public void PrintableLatin1StandsForItself()
    {
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            Assert.Equal(printable, ByteLevelAlphabet.ToChar((byte)b) == (char)b);
        }
    }

    [Theory]
    [InlineData(0x00, 'Ā')]
    [InlineData(0x0A, 'Ċ')]
    [InlineData(0x20, 'Ġ')]
    [InlineData(0x7F, 'ġ')]
    [InlineData(0xAD, 'Ń')]
    public void OtherBytesTakeCharsFromU0100InByteOrder(int b, char expected) =>
        Assert.Equal(expected, ByteLevelAlphabet.ToChar((byte)b));

    [Fact]
    public void EncodeDecodeRoundTripsEveryByte()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        string text = ByteLevelAlphabet.Encode(all);
        Assert.Equal(256, text.Length);
        Assert.Equal(all, ByteLevelAlphabet.Decode(text));
        Assert.Equal("Ġhello", ByteLevelAlphabet.Encode(" hello"u8));
    }

    [Fact]
    public void CharsOutsideTheAlphabetDoNotDecode()
    {
        Assert.False(ByteLevelAlphabet.TryDecode("a b", out _));
        Assert.Throws<InvalidDataException>(() => ByteLevelAlphabet.Decode("\n"));
    }
}
