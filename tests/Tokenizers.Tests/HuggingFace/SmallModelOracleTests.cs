using Tokenizers.Tests.Compilation;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>The hand-made vocabularies of <see cref="HfBpeTableBuilderTests"/>, checked against Hugging Face's Rust core.</summary>
public sealed class SmallModelOracleTests
{
    private static readonly string[] s_texts =
    [
        "abc", "abab", "abcab", "cabc", "aba", "xabc", "abcbc", "defbc", "xabcbc", "aaabc", "aaaa", "aaa", "aaaaa", "xbc",
        "xyz", "xyzxyz", "€", "\u2022", "😀", string.Concat(Enumerable.Repeat("ab", 500)) + "a",
    ];

    public static TheoryData<string[], string[], bool> Models => new()
    {
        { ["ab", "abc", "ca"], ["a b", "ab c", "c a"], false },
        { ["ab", "bc"], ["b c", "a b"], false },
        { ["abc", "bc", "de", "def", "gh", "ghi", "jk", "jkl", "mn", "mno"], ["a bc", "b c", "d e", "de f", "g h", "gh i", "j k", "jk l", "m n", "mn o"], false },
        { ["abc", "bc"], ["a bc", "b c"], false },
        { ["aa", "aaa"], ["a a", "aa a", "a aa"], false },
        { ["ab", "bc"], ["b c", "a b", "b c"], false },
        { ["ab", "bc", "xyz", "abc"], ["a b", "b c"], false },
        { ["ab", "bc", "xyz", "abc"], ["a b", "b c"], true },
        { ["ab", "bc", "abc"], ["b c", "a b", "ab c"], false },
        { ["ab", "abab", "ba"], ["a b", "ab ab", "b a"], false },
        { ["\u00E2\u0122", "\u00E2\u0122\u00A2"], ["\u00E2 \u0122", "\u00E2\u0122 \u00A2"], false },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Hand_made_models_give_Hugging_Faces_ids(string[] tokens, string[] merges, bool ignoreMerges)
    {
        string dir = Directory.CreateTempSubdirectory("hf-small-").FullName;
        try
        {
            string path = Path.Combine(dir, "tokenizer.json");
            File.WriteAllText(path, SmallByteLevelModel.Json(tokens, merges, ignoreMerges));
            int[][] expected = HfOracle.Encode(path, s_texts);
            var (_, encoder) = SmallByteLevelModel.File(tokens, merges, ignoreMerges).Compile();
            for (int i = 0; i < s_texts.Length; i++)
                Assert.True(expected[i].AsSpan().SequenceEqual(BpePieceEncoderDifferentialTests.Encode(encoder, s_texts[i])),
                    $"{BpePieceEncoderDifferentialTests.Escape(s_texts[i])}: HF [{string.Join(", ", expected[i])}], "
                    + $"ours [{string.Join(", ", BpePieceEncoderDifferentialTests.Encode(encoder, s_texts[i]))}]");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
