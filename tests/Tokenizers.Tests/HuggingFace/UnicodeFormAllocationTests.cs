using System.Text;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Counting with Qwen3 (NFC) and Claude (NFKC) allocates nothing on text that is already normalized, combining marks
/// included, once the thread has seen its regions (the chars around each mark, which .NET checks as a string). Qwen3
/// used to make a string of every such region (42 KB a call on the quick mode's multilingual text, one for each
/// virama), and Claude a copy of the whole text (2 MB a call on the code corpus). Text the form changes is normalized
/// into a pooled array, so counting it allocates nothing either (Claude made a builder and a string of the whole text,
/// 4 MB a call on the code corpus, and a string of every changed region).
/// </summary>
public sealed class UnicodeFormAllocationTests
{
    [Theory]
    [InlineData("qwen3", NormalizationForm.FormC)]
    [InlineData("claude", NormalizationForm.FormKC)]
    public void Counting_normalized_text_with_marks_allocates_nothing(string model, NormalizationForm form)
    {
        var tokenizer = HfTestModels.Load(model);
        string text = string.Concat(Enumerable.Repeat(
            "नमस्ते दुनिया, क्षत्रिय और श्रम। Tiếng Việt có dấu. Ελληνικά ἄνθρωπος. ", 2_000));
        Assert.True(text.IsNormalized(form), $"the text is {form} already");
        var (warm, count, allocated) = SecondCallAllocation.Measure(() => tokenizer.CountTokens(text, SpecialTokenPolicy.All));

        Assert.Equal(warm, count);
        Assert.True(count > 50_000, $"{count} tokens");
        Assert.True(allocated < 1_024, $"{allocated} B allocated counting {text.Length:N0} chars");
    }

    /// <summary>
    /// More distinct regions than the thread remembers (1,000 ideographs, each with a combining acute that nothing
    /// composes with): regions that share a slot take turns in it, every call. Remembering one used to make a string
    /// (a few hundred bytes a call on the quick mode's multilingual text, more or less by the process's string hash).
    /// </summary>
    [Fact]
    public void Counting_more_regions_than_are_remembered_allocates_nothing()
    {
        var tokenizer = HfTestModels.Load("qwen3");
        var sentence = new StringBuilder();
        for (int i = 0; i < 1_000; i++) sentence.Append((char)(0x4E00 + i)).Append("\u0301 ");
        string text = string.Concat(Enumerable.Repeat(sentence.ToString(), 20));
        Assert.True(text.IsNormalized(NormalizationForm.FormC), "the text is NFC already");
        var (warm, count, allocated) = SecondCallAllocation.Measure(() => tokenizer.CountTokens(text, SpecialTokenPolicy.All));

        Assert.Equal(warm, count);
        Assert.Equal(tokenizer.EncodeToIds(text, SpecialTokenPolicy.All).Count, count);
        Assert.True(allocated < 1_024, $"{allocated} B allocated counting {text.Length:N0} chars");
    }

    [Theory]
    [InlineData("qwen3", "Cafe\u0301 cre\u0300me bru\u0302le\u0301e, nai\u0308ve. ")]
    [InlineData("claude", "Wait… ﬁne ＡＢＣ ½ x² — done. ")]
    public void Counting_text_the_form_changes_allocates_nothing(string model, string sentence)
    {
        var tokenizer = HfTestModels.Load(model);
        string text = string.Concat(Enumerable.Repeat(sentence, 20_000));
        Assert.False(text.IsNormalized(model == "qwen3" ? NormalizationForm.FormC : NormalizationForm.FormKC), "the form changes the text");
        var (warm, count, allocated) = SecondCallAllocation.Measure(() => tokenizer.CountTokens(text, SpecialTokenPolicy.All));

        Assert.Equal(warm, count);
        Assert.Equal(tokenizer.EncodeToIds(text, SpecialTokenPolicy.All).Count, count);
        Assert.True(allocated < 1_024, $"{allocated} B allocated counting {text.Length:N0} chars");
    }
}
