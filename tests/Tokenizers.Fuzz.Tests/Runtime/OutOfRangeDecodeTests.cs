using Tokenizers.OpenAI;

namespace Tokenizers.Fuzz.Tests.Runtime;

/// <summary>Every id that is not in a vocabulary, below, above, or in a gap between ranks and special tokens, throws naming it.</summary>
public class OutOfRangeDecodeTests
{
    public static TheoryData<string> Encodings => new(OpenAIEncodings.Names);

    /// <summary>Ids with no bytes: the gaps tiktoken leaves (cl100k's 100256, o200k's 199998 and 200000 to 200017).</summary>
    private static List<int> Gaps(ITokenizer tokenizer)
    {
        var gaps = new List<int>();
        Span<byte> scratch = stackalloc byte[512];
        for (int id = 0; id < tokenizer.VocabularySize; id++)
        {
            try
            {
                tokenizer.DecodeToBytes(id, scratch);
            }
            catch (ArgumentOutOfRangeException)
            {
                gaps.Add(id);
            }
        }
        return gaps;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void UnknownIdsThrowNamingTheId(string encoding)
    {
        ITokenizer tokenizer = OpenAIEncodings.Get(encoding);
        List<int> gaps = Gaps(tokenizer);
        int[] outside = [-1, -2, int.MinValue, tokenizer.VocabularySize, tokenizer.VocabularySize + 1, int.MaxValue, .. gaps];
        foreach (int id in outside)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Decode([tokenizer.EncodeToIds("ok")[0], id]));
            Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
            Assert.Equal(id, e.ActualValue);
            Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.DecodeToBytes(id, new byte[64]));
            Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingDecoder(tokenizer).Append(id));
        }
        int expectedGaps = encoding switch
        {
            "cl100k_base" => 1 + 15,  // 100256, and 100261 to 100275 before <|endofprompt|>
            "o200k_base" => 1 + 18,   // 199998, and 200000 to 200017
            _ => 0,
        };
        Assert.Equal(expectedGaps, gaps.Count);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryOtherIdDecodes(string encoding)
    {
        ITokenizer tokenizer = OpenAIEncodings.Get(encoding);
        var gaps = Gaps(tokenizer).ToHashSet();
        var ids = Enumerable.Range(0, tokenizer.VocabularySize).Where(id => !gaps.Contains(id)).ToArray();
        Assert.NotEmpty(tokenizer.Decode(ids));
    }
}
