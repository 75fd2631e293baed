using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>The guard check's prefilter: windows as wide as the shortest guarded token (at most four bytes), never missing one.</summary>
public class GuardWindowsTests
{
    private static ulong[] Build(string[] guarded, out int width)
    {
        uint[] slots = DoubleArrayTrieBuilder.BuildSlots(guarded.Select((g, i) => (Encoding.UTF8.GetBytes(g), i)));
        return GuardWindows.Build(new DoubleArrayTrie(slots), out width);
    }

    private static uint Window(string text, int width) => GuardWindows.Window(Encoding.UTF8.GetBytes(text), 0, GuardWindows.Mask(width));

    [Theory]
    [InlineData(new[] { " elektrik", " hafta", ".:.:" }, 4)]
    [InlineData(new[] { "\n\n\n", "\t\t\t\t", "▁▁▁" }, 3)]
    [InlineData(new[] { "ab", " cinsel" }, 2)]
    public void Windows_are_as_wide_as_the_shortest_guarded_token_and_hold_every_one(string[] guarded, int expectedWidth)
    {
        ulong[] set = Build(guarded, out int width);
        Assert.Equal(expectedWidth, width);
        foreach (string g in guarded) Assert.True(GuardWindows.MayStart(set, Window(g, width)), g);
    }

    /// <summary>
    /// A window read at any start is the bytes from there, first lowest: by one four-byte load where four bytes are
    /// left, else byte by byte at the piece's end, and the two agree.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_window_is_the_bytes_at_its_start_wherever_it_is_read(int width)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(" haftalık .:.:");
        for (int at = 0; at + width <= bytes.Length; at++)
        {
            uint expected = 0;
            for (int i = 0; i < width; i++) expected |= (uint)bytes[at + i] << (8 * i);
            Assert.Equal(expected, GuardWindows.Window(bytes, at, GuardWindows.Mask(width)));
        }
    }

    /// <summary>Words that start like a guarded token's first two bytes (" k", " h", " e", "ma"), but not its first four, pass no window.</summary>
    [Fact]
    public void Words_that_share_only_two_first_bytes_pass_no_window()
    {
        ulong[] set = Build([" elektrik", " hafta", " kapsam", " kariy", " rahat", "maktan", ".:.:"], out int width);
        string[] words = [" kalamu", " harita", " make", " remark", " equal", " rasp", " kilo", " market", " smart", " hello"];
        int passed = words.Count(w => Enumerable.Range(0, w.Length - width + 1).Any(i => GuardWindows.MayStart(set, Window(w[i..], width))));
        Assert.Equal(4, width);
        Assert.Equal(0, passed);
    }
}
