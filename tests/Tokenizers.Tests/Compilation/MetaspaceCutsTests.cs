using Tokenizers.Compilation;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.Compilation;

public sealed class MetaspaceCutsTests
{
    [Fact]
    public void Chars_that_a_token_joins_to_the_meta_space_block_a_cut()
    {
        List<uint> values = MetaspaceCuts.InfoValues(["\u2581", "\u2581the", "\u2581\u2581", ">\u2581</", "e\u2581", "ab", null, ""], metaIsToken: true);
        Assert.Equal(new uint[] { '\u2581', 2, '>', 'e' }, values);
    }

    [Fact]
    public void No_cuts_without_a_meta_space_token_or_with_too_many_blocked_chars()
    {
        Assert.Equal(new uint[] { 0, 0 }, MetaspaceCuts.InfoValues(["\u2581the"], metaIsToken: false));
        var many = Enumerable.Range(0, MetaspaceCuts.MaxBlocked + 1).Select(i => (string?)((char)('a' + i) + "\u2581")).ToList();
        Assert.Equal(new uint[] { 0, 0 }, MetaspaceCuts.InfoValues(many, metaIsToken: true));
    }

    [Theory]
    [InlineData("\u2581the\u2581cat", "\u2581the|\u2581cat")]
    [InlineData("\u2581\u2581\u2581the\u2581\u2581cat\u2581", "\u2581\u2581\u2581the|\u2581\u2581cat|\u2581")]
    [InlineData("<b>\u2581</b>\u2581x", "<b>\u2581</b>\u2581x")]
    [InlineData("<b>\u2581</b>.\u2581x", "<b>\u2581</b>.|\u2581x")]
    [InlineData("cat\u2581", "cat|\u2581")]
    [InlineData("plain", "plain")]
    public void Words_end_before_each_meta_space_that_follows_another_unblocked_char(string piece, string expected)
    {
        var words = new List<string>();
        var cuts = new WordCuts('\u2581', [(uint)'>']);
        for (int start = 0; start < piece.Length;)
        {
            int end = cuts.WordEnd(piece, start);
            words.Add(piece[start..end]);
            start = end;
        }
        Assert.Equal(expected, string.Join("|", words));
    }
}
