using Tokenizers.Compilation;

namespace Tokenizers.Tests.Compilation;

public class TokenizerJsonReaderTests
{
    private static TokenizerJsonFile Read(string text)
    {
        var file = TokenizerJsonReader.Read(text);
        Assert.Empty(file.Errors.Select(e => e.Format("test.json")));
        Assert.NotNull(file.Definition);
        return file;
    }

    private static string Tokenizer(string members, string model = "\"vocab\":{\"a\":0,\"b\":1,\"ab\":2},\"merges\":[\"a b\"]")
        => "{" + members + (members.Length > 0 ? "," : "") + "\"model\":{\"type\":\"BPE\"," + model + "}}";

    private static TokenizerDefinition Definition(string members) => Read(Tokenizer(members)).Definition!;

    [Fact]
    public void BothMergeFormsGiveTheSameEntries()
    {
        const string vocab = "\"vocab\":{\"Ġ\":0,\"t\":1,\"Ġt\":2,\"a\":3,\"ta\":4,\"Ġta\":5}";
        string text = Tokenizer("", vocab + ",\"merges\":[\"Ġ t\",\"\\u0074 a\",\"Ġt a\"]");
        var strings = Read(text).Merges;
        var pairs = Read(Tokenizer("", vocab + ",\"merges\":[[\"Ġ\",\"t\"],[\"\\u0074\",\"a\"],[\"Ġt\",\"a\"]]")).Merges;
        Assert.Equal([("Ġ", "t", 0), ("t", "a", 1), ("Ġt", "a", 2)], strings.Select(m => (m.Left, m.Right, m.Index)));
        Assert.Equal(strings.Select(m => (m.Left, m.Right, m.Index)), pairs.Select(m => (m.Left, m.Right, m.Index)));
        int second = text.IndexOf("\"\\u0074 a\"", StringComparison.Ordinal);
        Assert.Equal(new SourcePoint(second, 0, second), strings[1].Where);
    }

    [Fact]
    public void MergeStringsSplitOnTheirOneSpaceOnly()
    {
        // Hugging Face splits on ' ' and wants two parts: a part may be empty, a tab is part of a token.
        var merges = Read(Tokenizer("", "\"vocab\":{},\"merges\":[\" a\",\"a\\t \",\"#version: 0.2\",\"x y\"]")).Merges;
        Assert.Equal([("", "a", 0), ("a\t", "", 1), ("x", "y", 3)], merges.Select(m => (m.Left, m.Right, m.Index)));
    }

    [Fact]
    public void VocabularyKeepsFileOrderAndUnescapesTokens()
    {
        string text = Tokenizer("", "\"vocab\":{\"\\ud83d\\ude00\":2,\"\\\"\":0,\"ab\":1},\"merges\":[]");
        var file = Read(text);
        Assert.Equal([("😀", 2), ("\"", 0), ("ab", 1)], file.Vocab.Select(v => (v.Token, v.Id)));
        int first = text.IndexOf("\"\\ud83d", StringComparison.Ordinal);
        Assert.Equal(new SourcePoint(first, 0, first), file.Vocab[0].Where);
    }

    [Fact]
    public void AbsentFieldsTakeHuggingFaceDefaults()
    {
        var d = Definition("\"added_tokens\":[{\"id\":5,\"content\":\"<x>\"},{\"id\":6,\"content\":\"<y>\",\"special\":true}]");
        Assert.Null(d.Normalizer);
        Assert.Null(d.PreTokenizer);
        Assert.Null(d.PostProcessor);
        Assert.Null(d.Decoder);
        Assert.Equal(new BpeModelDef(null, null, null, false, false, false), d.Model);
        Assert.Equal(new AddedTokenDef(5, "<x>", false, false, false, false, true), d.AddedTokens[0]);
        Assert.Equal(new AddedTokenDef(6, "<y>", true, false, false, false, false), d.AddedTokens[1]);
        Assert.Empty(Read("{\"model\":{\"vocab\":{},\"merges\":[]}}").Definition!.AddedTokens); // no type: BPE, as HF's untagged fallback
    }

    [Fact]
    public void ReadsModelOptions()
    {
        var d = Read(Tokenizer("", "\"dropout\":null,\"unk_token\":\"<unk>\",\"continuing_subword_prefix\":\"##\",\"end_of_word_suffix\":\"\",\"fuse_unk\":true,\"byte_fallback\":true,\"ignore_merges\":true,\"vocab\":{},\"merges\":[]")).Definition!;
        Assert.Equal(new BpeModelDef("<unk>", "##", null, true, true, true), d.Model);
    }

    [Theory]
    [InlineData("\"replacement\":\"▁\",\"prepend_scheme\":\"first\",\"split\":false", "first", false)]
    [InlineData("\"replacement\":\"▁\"", "always", true)]
    [InlineData("\"replacement\":\"▁\",\"add_prefix_space\":true", "always", true)]
    [InlineData("\"replacement\":\"▁\",\"add_prefix_space\":false", "never", true)]
    [InlineData("\"replacement\":\"▁\",\"add_prefix_space\":false,\"prepend_scheme\":\"never\"", "never", true)]
    [InlineData("\"replacement\":\"▁\",\"add_prefix_space\":true,\"prepend_scheme\":\"first\"", "first", true)]
    public void MetaspaceReadsOldAndNewFiles(string fields, string scheme, bool split)
    {
        var d = Definition("\"pre_tokenizer\":{\"type\":\"Metaspace\"," + fields + "},\"decoder\":{\"type\":\"Metaspace\"," + fields + "}");
        Assert.Equal(new MetaspaceDef("▁", scheme, split), d.PreTokenizer);
        Assert.Equal(new MetaspaceDecoderDef("▁", scheme, split), d.Decoder);
    }

    [Fact]
    public void ReadsPreTokenizerOptionsAndDefaults()
    {
        var d = Definition("\"pre_tokenizer\":{\"type\":\"Sequence\",\"pretokenizers\":["
            + "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":false},"
            + "{\"type\":\"Punctuation\"},{\"type\":\"Punctuation\",\"behavior\":\"Contiguous\"},"
            + "{\"type\":\"Digits\",\"individual_digits\":true},"
            + "{\"type\":\"Split\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"behavior\":\"Removed\",\"invert\":true}]}");
        DefinitionAssert.Equal(new SequencePreTokenizerDef([
            new ByteLevelDef(true, true), new PunctuationDef(SplitBehavior.Isolated), new PunctuationDef(SplitBehavior.Contiguous),
            new DigitsDef(true), new SplitDef(new PatternDef("\\s+", true), SplitBehavior.Removed, true)]), d.PreTokenizer);
    }

    [Fact]
    public void TemplateResolvesSpecialTokensThroughTheirIds()
    {
        var d = Definition("\"post_processor\":{\"type\":\"Sequence\",\"processors\":[{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":false,\"use_regex\":true},"
            + "{\"type\":\"TemplateProcessing\","
            + "\"single\":[{\"SpecialToken\":{\"id\":\"<bos>\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},{\"SpecialToken\":{\"id\":\"[EOS]\",\"type_id\":0}}],"
            + "\"pair\":[{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}],"
            + "\"special_tokens\":{\"<bos>\":{\"id\":\"<bos>\",\"ids\":[7],\"tokens\":[\"<bos>\"]},\"[EOS]\":{\"id\":\"[EOS]\",\"ids\":[8,9],\"tokens\":[\"</\",\"s>\"]}}}]}");
        DefinitionAssert.Equal(new SequencePostProcessorDef([new ByteLevelPostProcessorDef(), new TemplateProcessingDef([[7], null, [8, 9]])]), d.PostProcessor);
    }

    /// <summary>Every kind of component, so the spec writer and reader are proven on all of them without the real files.</summary>
    internal static TokenizerDefinition EveryComponent() => new(
        new SequenceNormalizerDef([new UnicodeNormalizerDef("NFKC"), new LowercaseNormalizerDef(), new PrependNormalizerDef("▁"),
            new ReplaceNormalizerDef(new PatternDef("\"\\s\n", true), "\u0001")]),
        new SequencePreTokenizerDef([new SplitDef(new PatternDef("😀", false), SplitBehavior.MergedWithNext, true), new ByteLevelDef(true, false),
            new DigitsDef(false), new PunctuationDef(SplitBehavior.Removed), new MetaspaceDef("▁", "first", false)]),
        new BpeModelDef("<unk>", "##", "</w>", true, true, true),
        [new AddedTokenDef(3, "<|x|>", true, true, true, true, false), new AddedTokenDef(4, "y\"", false, false, false, false, true)],
        new SequencePostProcessorDef([new ByteLevelPostProcessorDef(), new TemplateProcessingDef([[1, 2], null, [], [3]])]),
        new SequenceDecoderDef([new ByteLevelDecoderDef(), new ReplaceDecoderDef(new PatternDef("▁", false), " "), new ByteFallbackDecoderDef(),
            new FuseDecoderDef(), new StripDecoderDef(" ", 1, 2), new MetaspaceDecoderDef("_", "never", true)]));

    [Fact]
    public void SpecRoundTripsEveryComponent()
    {
        var definition = EveryComponent();
        string spec = TokenizerSpecWriter.Write(definition);
        DefinitionAssert.Equal(definition, TokenizerJsonReader.ReadSpec(spec));
        Assert.DoesNotContain("\n", spec);
        Assert.Equal(spec, TokenizerSpecWriter.Write(TokenizerJsonReader.ReadSpec(spec)));
    }

    [Fact]
    public void SpecOfAnEmptyPipelineRoundTrips()
    {
        var definition = new TokenizerDefinition(null, null, new BpeModelDef(null, null, null, false, false, false), [], null, null);
        DefinitionAssert.Equal(definition, TokenizerJsonReader.ReadSpec(TokenizerSpecWriter.Write(definition)));
    }

    [Fact]
    public void DefinitionAssertSeesADifferenceInsideAnArray()
    {
        var a = new TemplateProcessingDef([[1], null]);
        Assert.ThrowsAny<Exception>(() => DefinitionAssert.Equal(a, new TemplateProcessingDef([[2], null])));
        Assert.ThrowsAny<Exception>(() => DefinitionAssert.Equal(a, new TemplateProcessingDef([[1], [1]])));
        DefinitionAssert.Equal(a, new TemplateProcessingDef([[1], null]));
    }
}
