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

    private static uint Window(string text, int width)
    {
        uint mask = GuardWindows.Mask(width), window = 0;
        foreach (byte b in Encoding.UTF8.GetBytes(text)[..width]) window = GuardWindows.Next(window, b, mask);
        return window;
    }

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
