using System.Text;
using CsCheck;
using Tokenizers.Bpe;

namespace Tokenizers.Tests.Bpe;

/// <summary>The pieces' UTF-8: the ASCII prefix narrowed by Ascii.FromUtf16, the rest char by char, as System.Text.Encoding writes it.</summary>
public class Utf8Tests
{
    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcd")]
    [InlineData(" kapsamlı")]
    [InlineData("abcé")]
    [InlineData("éabcdefgh")]
    [InlineData("abcdefg\u007f")]
    [InlineData("ab\ud83d\ude00cd")]
    [InlineData("abcd\ud800efgh")]
    public void Writes_what_Encoding_UTF8_writes(string text) => AssertSameAsEncoding(text);

    /// <summary>ASCII runs of every length, around non-ASCII chars, surrogate pairs and lone surrogates, at every offset.</summary>
    [Fact]
    public void Writes_what_Encoding_UTF8_writes_for_any_mix_of_ascii_runs_and_other_chars()
    {
        var chars = Gen.OneOfConst("a", " ", "\u007f", "\u0080", "é", "▁", "中", "\ud83d\ude00", "\ud800", "\udc00", "xyzw", "0123456");
        chars.Array[0, 24].Select(string.Concat).Sample(AssertSameAsEncoding, iter: 20_000);
    }

    private static void AssertSameAsEncoding(string text)
    {
        // Room for 3 bytes a char, as the encoder's callers give, filled with a marker to catch writes past the end.
        byte[] bytes = Enumerable.Repeat((byte)0xAA, text.Length * 3 + 8).ToArray();
        int count = Utf8.Encode(text, bytes.AsSpan(0, text.Length * 3));
        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes[..count]);
        Assert.All(bytes[(text.Length * 3)..], b => Assert.Equal(0xAA, b));
    }
}
