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

    private static MergeEntry Merge(int index, string left, string right) => new(left, right, index, default);

    [Fact]
    public void A_run_merges_alone_when_its_merges_come_first_and_no_token_joins_two_meta_spaces_to_another_char()
    {
        const string M = "\u2581";
        MergeEntry[] gemmaLike = [Merge(0, M, M), Merge(1, M + M, M), Merge(2, M, "t"), Merge(3, "t", "h"), Merge(4, "x", M)];
        Assert.True(MetaspaceCuts.RunMergesAlone(gemmaLike));
        // A run merge after a merge that reaches across: the lone '▁' could join the rest before the run is done.
        Assert.False(MetaspaceCuts.RunMergesAlone([Merge(0, M, "t"), Merge(1, M, M)]));
        // A token of two '▁' and another char: the run's last token could join the rest.
        Assert.False(MetaspaceCuts.RunMergesAlone([Merge(0, M, M), Merge(1, M, "t"), Merge(2, M + M, "t")]));
        Assert.False(MetaspaceCuts.RunMergesAlone([Merge(0, M, M), Merge(1, M, "t"), Merge(2, M, M + "t")]));
        Assert.False(MetaspaceCuts.RunMergesAlone([Merge(0, "a", "b")]));
    }

    [Fact]
    public void The_run_flag_rides_on_the_meta_value()
    {
        List<uint> values = MetaspaceCuts.InfoValues(["\u2581", "\u2581the"], metaIsToken: true, runMergesAlone: true);
        Assert.Equal(new uint[] { '\u2581' | MetaspaceCuts.RunFlag, 0 }, values);
        Assert.Contains("leading run", MetaspaceCuts.Describe(values));
        Assert.Equal(new uint[] { 0, 0 }, MetaspaceCuts.InfoValues(["\u2581the"], metaIsToken: false, runMergesAlone: true));
    }

    [Theory]
    [InlineData("\u2581\u2581\u2581if", 3)]
    [InlineData("\u2581\u2581x", 2)]
    [InlineData("\u2581x", 0)]
    [InlineData("\u2581\u2581\u2581", 0)]
    [InlineData("x\u2581\u2581y", 0)]
    public void A_leading_run_of_two_or_more_before_another_char_is_cut(string word, int expected)
    {
        Assert.Equal(expected, new WordCuts('\u2581', [], runsMergeAlone: true).LeadingRun(word));
        Assert.Equal(0, new WordCuts('\u2581', []).LeadingRun(word));
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
