using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>The guard check's table of first bytes: used for few first bytes that no other script's chars contain, never missing one.</summary>
public class GuardFirstBytesTests
{
    private static byte[]? Build(params string[] guarded) =>
        GuardFirstBytes.TryBuild(new DoubleArrayTrie(DoubleArrayTrieBuilder.BuildSlots(guarded.Select((g, i) => (Encoding.UTF8.GetBytes(g), i)), TestContext.Current.CancellationToken)));

    [Fact]
    public void Gemma_like_guarded_tokens_get_a_table_of_exactly_their_first_bytes()
    {
        byte[]? first = Build("\n\n\n", "\t\t\t\t", "▁▁", "▁======", "▁SSSR");
        Assert.NotNull(first);
        int[] set = Enumerable.Range(0, 256).Where(b => first![b] != 0).ToArray();
        Assert.Equal(new[] { 0x09, 0x0A, 0xE2 }, set);
    }

    [Fact]
    public void More_than_four_first_bytes_take_the_windows()
    {
        Assert.NotNull(Build(" a", ".b", "mc", "ud"));
        Assert.Null(Build(" a", ".b", "mc", "ud", "je"));
    }

    /// <summary>A token that begins with a continuation byte (a vocabulary of byte tokens may have one) would pass at every char of other scripts.</summary>
    [Fact]
    public void A_first_byte_that_continues_a_char_takes_the_windows()
    {
        var entries = new[] { (new byte[] { 0x81, 0x81 }, 0), (Encoding.UTF8.GetBytes("\n\n\n"), 1) };
        Assert.Null(GuardFirstBytes.TryBuild(new DoubleArrayTrie(DoubleArrayTrieBuilder.BuildSlots(entries, TestContext.Current.CancellationToken))));
    }
}
