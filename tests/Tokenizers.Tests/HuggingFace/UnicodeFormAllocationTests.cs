using System.Text;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Counting with Qwen3 (NFC) and Claude (NFKC) allocates nothing on text that is already normalized, combining marks
/// included, once the thread has seen its regions (the chars around each mark, which .NET checks as a string). Qwen3
/// used to make a string of every such region (42 KB a call on the quick mode's multilingual text, one for each
/// virama), and Claude a copy of the whole text (2 MB a call on the code corpus).
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
}
