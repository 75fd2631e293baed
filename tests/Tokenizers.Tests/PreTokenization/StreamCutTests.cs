using CsCheck;
using Tokenizers.PreTokenization;
using Tokenizers.Streaming;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// The streaming encoder's cut rule, on pieces: wherever <see cref="StreamCut.IsSafe"/> allows a cut, the pieces of
/// the whole text are the pieces of the part before it followed by those of the part after it, for every pattern.
/// </summary>
public class StreamCutTests(ITestOutputHelper output)
{
    public static TheoryData<string> Encodings => ["gpt2", "cl100k_base", "o200k_base"];

    private static readonly Gen<string> s_astral = Gen.OneOfConst(
        "𝟏", "𝐀", "𝑎", "𠀀", "😀", "👩‍💻", "🇫🇷", "\uD800", "\uDC00", "x\uD83D", "\uDE00y");

    private static readonly Gen<string> s_text = Gen.Frequency(
        (4, TextGenerator.Text),
        (1, Gen.Select(TextGenerator.Text, s_astral.Array[1, 4], TextGenerator.Text, (a, b, c) => a + string.Concat(b) + c)));

    [Theory]
    [MemberData(nameof(Encodings))]
    public void PiecesAreUnchangedBySafeCuts(string encoding)
    {
        PreTokenizer scanner = PreTokenizer.FromName(encoding)!;
        Assert.True(StreamCut.Supports(scanner));
        s_text.Sample(
            text =>
            {
                List<string> whole = Pieces.Split(scanner, text);
                for (int cut = 1; cut < text.Length - 1; cut++)
                {
                    if (!StreamCut.IsSafe(text, cut, [])) continue;
                    var parts = Pieces.Split(scanner, text[..cut]).Concat(Pieces.Split(scanner, text[cut..]));
                    if (!whole.SequenceEqual(parts)) return false;
                }
                return true;
            },
            writeLine: output.WriteLine,
            iter: 20_000,
            print: text => $"{Pieces.Escape(text)}: unsafe cuts at "
                + string.Join(", ", Enumerable.Range(1, Math.Max(0, text.Length - 2)).Where(c => StreamCut.IsSafe(text, c, [])
                    && !Pieces.Split(scanner, text).SequenceEqual(Pieces.Split(scanner, text[..c]).Concat(Pieces.Split(scanner, text[c..]))))));
    }

    /// <summary>Most texts have somewhere to cut: after a word before a space, between a word and punctuation, and so on.</summary>
    [Theory]
    [InlineData("hello world", 5, true)]
    [InlineData("hello  world", 6, false)]   // after white space: the run's split depends on what follows
    [InlineData("hello\nworld", 5, true)]
    [InlineData("hello.\nworld", 6, false)]  // punctuation takes the newlines after it
    [InlineData("hello, world", 5, true)]
    [InlineData("it's", 2, false)]           // o200k joins 's to the word
    [InlineData("abc123", 3, true)]
    [InlineData("123abc", 3, true)]
    [InlineData("(abc", 1, false)]           // cl100k: punctuation is the optional prefix of a word
    [InlineData("e\u0301,", 2, false)]       // cl100k: the mark goes with the comma
    [InlineData("a😀", 1, true)]
    [InlineData("😀a", 2, false)]
    [InlineData("😀 a", 1, false)]           // inside the surrogate pair
    [InlineData("😀 a", 2, true)]
    public void KnownCuts(string text, int cut, bool safe) => Assert.Equal(safe, StreamCut.IsSafe(text, cut, []));

    [Fact]
    public void NeverInsideASpecialToken()
    {
        const string text = "a<|endoftext|>b";
        string[] specials = ["<|endoftext|>"];
        Assert.True(StreamCut.IsSafe("abc|>", 3, []));
        for (int cut = 2; cut < 14; cut++) Assert.False(StreamCut.IsSafe(text, cut, specials));
        Assert.True(StreamCut.IsSafe("a<|endoftext|> b", 14, specials));
    }

    [Fact]
    public void PatternNoneHasNoSafeCuts() => Assert.False(StreamCut.Supports(WholeTextPreTokenizer.Instance));
}
