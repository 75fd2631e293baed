namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Counting with Qwen3, whose normalizer is NFC, allocates nothing on text that is already normalized, combining marks
/// included, once the thread has seen its regions (the chars around each mark, which .NET checks as a string). It used
/// to make a string of every such region: 42 KB a call on the quick mode's multilingual text, one for each virama.
/// </summary>
public sealed class UnicodeFormAllocationTests
{
    [Fact]
    public void Counting_normalized_text_with_marks_allocates_nothing()
    {
        var tokenizer = HfTestModels.Load("qwen3");
        string text = string.Concat(Enumerable.Repeat(
            "नमस्ते दुनिया, क्षत्रिय और श्रम। Tiếng Việt có dấu. Ελληνικά ἄνθρωπος. ", 2_000));
        Assert.True(text.IsNormalized(), "the text is NFC already");
        var (warm, count, allocated) = SecondCallAllocation.Measure(() => tokenizer.CountTokens(text, SpecialTokenPolicy.All));

        Assert.Equal(warm, count);
        Assert.True(count > 50_000, $"{count} tokens");
        Assert.True(allocated < 1_024, $"{allocated} B allocated counting {text.Length:N0} chars");
    }
}
