using System.Text;
using Tokenizers.Tests.HuggingFace;

namespace Tokenizers.Tests.Offsets;

/// <summary>
/// Token offsets of tokenizer.json models against Hugging Face tokenizers 0.22.2's own (<c>encoding.offsets</c>, in code
/// points, from @anush008/tokenizers 0.6.0): byte-level (Llama 3), NFC (Qwen3, on decomposed text), SentencePiece with
/// a prepended <c>▁</c> and byte fallback (Llama 2), and with spaces replaced only (Gemma 3).
/// </summary>
public sealed class HuggingFaceOffsetTests
{
    private static readonly string[] Texts =
    [
        "Hello world", "  two  spaces", "e\u0301t\u00e9 caf\u00e9", "\U0001F999 llama", "<|endoftext|>x", "\u0130stanbul \u00c5NGSTR\u00d6M",
        "Line one.\n\nLine two:\ttabs", "na\u00efve \u2014 \u6771\u4eac\u30bf\u30ef\u30fc \u2b50", "x  ",
    ];

    /// <summary>Hugging Face's offsets of each text, "start-end" in code points.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["llama3"] =
        [
            "0-5 5-11", "0-1 1-5 5-6 6-13", "0-1 1-3 3-4 4-9", "0-1 0-1 0-1 1-7", "0-1 1-2 2-6 6-8 8-11 11-12 12-13 13-14",
            "0-8 8-10 10-12 12-15 15-16 16-17", "0-4 4-8 8-11 11-15 15-19 19-20 20-22 22-25",
            "0-2 2-3 3-5 5-7 7-10 10-11 11-13 13-15 14-15", "0-1 1-3",
        ],
        ["qwen3"] =
        [
            "0-5 5-11", "0-1 1-5 5-6 6-13", "0-4 4-9", "0-1 1-7", "0-13 13-14", "0-1 1-8 8-10 10-12 12-15 15-16 16-17",
            "0-4 4-8 8-11 11-15 15-19 19-20 20-22 22-25", "0-2 2-3 3-5 5-7 7-9 8-9 9-10 10-11 11-13 13-15 14-15", "0-1 1-3",
        ],
        ["llama2"] =
        [
            "0-5 5-11", "0-1 1-5 5-6 6-13", "0-1 1-2 2-4 4-9", "0-1 0-1 0-1 0-1 0-1 1-4 4-7", "0-1 1-2 2-5 5-7 7-11 11-12 12-13 13-14",
            "0-1 0-1 1-5 5-8 8-10 10-12 12-15 15-16 16-17", "0-4 4-8 8-9 9-10 10-11 11-15 15-19 19-20 20-21 21-25",
            "0-2 2-3 3-5 5-7 7-8 8-9 9-10 10-11 11-12 12-13 13-14 14-15", "0-1 1-3",
        ],
        ["gemma3"] =
        [
            "0-5 5-11", "0-2 2-5 5-7 7-13", "0-1 1-2 2-4 4-9", "0-1 0-1 0-1 0-1 1-7", "0-1 1-2 2-5 5-7 7-11 11-13 13-14",
            "0-8 8-10 10-12 12-15 15-16 16-17", "0-4 4-8 8-9 9-11 11-15 15-19 19-20 20-21 21-25",
            "0-2 2-3 3-5 5-7 7-10 10-11 11-13 13-15", "0-1 1-3",
        ],
    };

    [Theory, InlineData("llama3"), InlineData("qwen3"), InlineData("llama2"), InlineData("gemma3")]
    public void OffsetsAreHuggingFaces(string model)
    {
        ITokenizer tokenizer = TokenizerFile.Load(HfModelFiles.Require(model));
        var failures = new List<string>();
        for (int i = 0; i < Texts.Length; i++)
        {
            string text = Texts[i];
            // Hugging Face always matches added tokens in the text.
            var tokens = tokenizer.EncodeToTokens(text, SpecialTokenPolicy.All);
            Assert.Equal(tokenizer.EncodeToIds(text, SpecialTokenPolicy.All), tokens.Select(t => t.Id));
            string actual = string.Join(" ", tokens.Select(t => $"{CodePoints(text, t.Index)}-{CodePoints(text, t.End)}"));
            if (actual != Expected[model][i]) failures.Add($"{text}: {actual} (Hugging Face: {Expected[model][i]})");
        }
        Assert.Empty(failures);
    }

    private static int CodePoints(string text, int index) => text[..index].EnumerateRunes().Count();
}
