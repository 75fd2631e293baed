using CsCheck;
using Tokenizers.Compilation;
using Tokenizers.HuggingFace;
using Tokenizers.PreTokenization;
using Tokenizers.Tests.PreTokenization;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The pre-tokenizer stages on Hugging Face's own examples: pre_tokenizers/split.rs (basic), the split behaviors of
/// NormalizedString::split's doc comment (normalizer.rs), digits.rs, punctuation.rs and byte_level.rs
/// (add_prefix_space), and Sequence, where each stage sees only its piece.
/// </summary>
public class PreTokenizerTests
{
    private static SplitDef Split(string pattern, bool regex, SplitBehavior behavior, bool invert = false)
        => new(new PatternDef(pattern, regex), behavior, invert);

    // split.rs uses \w+|[^\w\s]+; on this ASCII text letters and digits are the word chars (the regex engine has no \w).
    private const string WordsOrSymbols = @"[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]+";

    [Theory]
    [InlineData(nameof(SplitBehavior.Removed), new[] { "How", "are", "you", "doing", "?" })]
    [InlineData(nameof(SplitBehavior.Isolated), new[] { "How", " ", "are", " ", "you", " ", "doing", "?" })]
    [InlineData(nameof(SplitBehavior.MergedWithPrevious), new[] { "How ", "are ", "you ", "doing", "?" })]
    [InlineData(nameof(SplitBehavior.MergedWithNext), new[] { "How", " are", " you", " doing", "?" })]
    [InlineData(nameof(SplitBehavior.Contiguous), new[] { "How", " ", "are", " ", "you", " ", "doing?" })]
    public void Inverted_regex_split_behaviors(string behavior, string[] expected)
        => Assert.Equal(expected, PieceCollector.Run(Split(WordsOrSymbols, true, Enum.Parse<SplitBehavior>(behavior), invert: true), "How are you doing?"));

    [Theory]
    [InlineData(nameof(SplitBehavior.Removed), new[] { "the", "final", "countdown" })]
    [InlineData(nameof(SplitBehavior.Isolated), new[] { "the", "-", "final", "-", "-", "countdown" })]
    [InlineData(nameof(SplitBehavior.MergedWithPrevious), new[] { "the-", "final-", "-", "countdown" })]
    [InlineData(nameof(SplitBehavior.MergedWithNext), new[] { "the", "-final", "-", "-countdown" })]
    [InlineData(nameof(SplitBehavior.Contiguous), new[] { "the", "-", "final", "--", "countdown" })]
    public void String_split_behaviors(string behavior, string[] expected)
        => Assert.Equal(expected, PieceCollector.Run(Split("-", false, Enum.Parse<SplitBehavior>(behavior)), "the-final--countdown"));

    [Fact]
    public void Regex_isolated_split_streams_the_same_pieces_as_the_general_split()
    {
        string text = "Hello  world's 12345 ÀÉ\n\n 𝔾𝕠𝕠𝕕 !!";
        var streamed = PieceCollector.Run(Split(@"\p{N}{1,3}|\s+(?!\S)|\s+|\p{L}+", true, SplitBehavior.Isolated), text);
        var general = PieceCollector.Run(Split(@"\p{N}{1,3}|\s+(?!\S)|\s+|\p{L}+", true, SplitBehavior.Contiguous, invert: true), text);
        Assert.Equal(string.Concat(streamed), text);
        Assert.Equal(["Hello", " ", " ", "world", "'", "s", " ", "123", "45", " ", "ÀÉ", "\n\n", " ", "𝔾𝕠𝕠𝕕", " ", "!!"], streamed);
        Assert.Equal(text, string.Concat(general));
    }

    /// <summary>
    /// tokenizer.json files converted from tiktoken (GPT-4o's) keep the matches of the pattern and remove what lies
    /// between them. A known pattern's matches tile the text, so its scanner makes that split: the same pieces as the
    /// general split over the compiled pattern, on generated text with astral chars.
    /// </summary>
    public static TheoryData<string, Type> MappedScanners => HfPatterns.MappedScanners;

    [Theory]
    [MemberData(nameof(MappedScanners))]
    public void A_known_pattern_removed_and_inverted_takes_its_scanner(string name, Type scanner)
    {
        string pattern = HfPatterns.ByName[name];
        PreTokenizerStage[] stages = PreTokenizerStage.Build(Split(pattern, true, SplitBehavior.Removed, invert: true),
            RegexMatcher.Compile, RegexMatcher.ScannerFor);
        Assert.IsType(scanner, Assert.Single(stages).Scanner);
        PreTokenizerStage[] general = [PreTokenizerStage.FromSplit(new SplitStage(RegexMatcher.Compile(pattern), SplitBehavior.Removed, invert: true))];
        TextGenerator.TextWithAstral.Sample(
            text => PieceCollector.Run(stages, text).SequenceEqual(PieceCollector.Run(general, text)),
            iter: 3_000,
            print: text => $"{Pieces.Escape(text)}\n  scanner: {Pieces.Show(PieceCollector.Run(stages, text))}"
                + $"\n  general: {Pieces.Show(PieceCollector.Run(general, text))}");
    }

    /// <summary>An unknown pattern's matches may leave text between them, which Removed drops: it keeps the general split.</summary>
    [Fact]
    public void An_unknown_pattern_removed_and_inverted_keeps_the_general_split()
    {
        Assert.Equal(["How", "are", "you"], PieceCollector.Run(Split(@"\p{L}+", true, SplitBehavior.Removed, invert: true), "How are you?"));
        Assert.Null(Assert.Single(PreTokenizerStage.Build(Split(@"\p{L}+", true, SplitBehavior.Removed, invert: true),
            RegexMatcher.Compile, RegexMatcher.ScannerFor)).Scanner);
    }

    [Fact]
    public void Digits_contiguous_or_individual()
    {
        Assert.Equal(["Hey ", "123", " friend!"], PieceCollector.Run(new DigitsDef(false), "Hey 123 friend!"));
        Assert.Equal(["Hey ", "1", "2", "3", " friend!"], PieceCollector.Run(new DigitsDef(true), "Hey 123 friend!"));
        // char::is_numeric: No and Nl count, not only Nd.
        Assert.Equal(["x", "½Ⅻ٣", "y"], PieceCollector.Run(new DigitsDef(false), "x½Ⅻ٣y"));
    }

    [Fact]
    public void Punctuation_isolates_each_char()
    {
        Assert.Equal(["Hey friend", "!", "     How are you", "?", "!", "?"],
            PieceCollector.Run(new PunctuationDef(SplitBehavior.Isolated), "Hey friend!     How are you?!?"));
        // ASCII symbols count as punctuation (is_ascii_punctuation), other symbols (€) do not, Pi/Pf quotes do.
        Assert.Equal(["a", "$", "b", "+", "c€", "«", "»"], PieceCollector.Run(new PunctuationDef(SplitBehavior.Isolated), "a$b+c€«»"));
        // Hugging Face's categories are Unicode 9's: U+2E43 (Unicode 10) is not punctuation there, U+166D (So since 12) is.
        Assert.Equal(["a\u2E43b", "\u166D", "c"], PieceCollector.Run(new PunctuationDef(SplitBehavior.Isolated), "a\u2E43b\u166Dc"));
    }

    [Fact]
    public void ByteLevel_adds_a_prefix_space_to_each_piece()
    {
        string[] expected = [" Hello", " my", " friend", ",", " how", " is", " your", " day", " going", "?"];
        var byteLevel = new ByteLevelDef(AddPrefixSpace: true, UseRegex: true);
        Assert.Equal(expected, PieceCollector.Run(byteLevel, "Hello my friend, how is your day going?"));
        Assert.Equal(expected, PieceCollector.Run(byteLevel, " Hello my friend, how is your day going?"));
        var afterSplit = new SequencePreTokenizerDef([Split(",", false, SplitBehavior.Isolated), new ByteLevelDef(true, false)]);
        Assert.Equal([" a", " ,", " b"], PieceCollector.Run(afterSplit, "a,b"));
        Assert.Equal(["a,b"], PieceCollector.Run(new ByteLevelDef(false, false), "a,b"));
    }

    [Fact]
    public void A_stage_sees_only_its_piece()
    {
        // Whole, GPT-2's \s+(?!\S) leaves the last space to " b"; after a split before "b" the spaces end the piece.
        var gpt2 = new ByteLevelDef(false, true);
        Assert.Equal(["a", " ", " b"], PieceCollector.Run(gpt2, "a  b"));
        var sequence = new SequencePreTokenizerDef([Split("b", false, SplitBehavior.Isolated), gpt2]);
        Assert.Equal(["a", "  ", "b"], PieceCollector.Run(sequence, "a  b"));
    }

    [Fact]
    public void A_stage_after_ByteLevel_is_refused()
    {
        var definition = new SequencePreTokenizerDef([new ByteLevelDef(false, false), new DigitsDef(true)]);
        var error = Assert.Throws<NotSupportedException>(() => PieceCollector.Run(definition, "a1"));
        Assert.Contains("pre_tokenizer.pretokenizers[1]", error.Message);
    }
}
