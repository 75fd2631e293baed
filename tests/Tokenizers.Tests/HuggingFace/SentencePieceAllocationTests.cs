namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Counting with the SentencePiece models allocates nothing however long the text: their normalizer runs a window at
/// a time into a reused buffer. (It used to copy the whole text twice for Llama 2, and every text between two of
/// Gemma 3's added tokens once.)
/// </summary>
public sealed class SentencePieceAllocationTests
{
    public static TheoryData<string> Models => new(HuggingFaceModels.SentencePiece);

    [Theory]
    [MemberData(nameof(Models))]
    public void Counting_a_long_text_allocates_nothing(string model)
    {
        var tokenizer = HfTestModels.Load(model);
        string text = string.Concat(Enumerable.Repeat(
            "Hello  world, the naïve café in 東京 🦙.\n\tif (x > y) { return <b> </b>; }\n\n", 3_000));
        var (warm, count, allocated) = SecondCallAllocation.Measure(() => tokenizer.CountTokens(text, SpecialTokenPolicy.All));

        Assert.Equal(warm, count);
        Assert.True(count > 50_000, $"{model}: {count} tokens");
        Assert.True(allocated < 1_024, $"{model}: {allocated} B allocated counting {text.Length:N0} chars");
    }
}
