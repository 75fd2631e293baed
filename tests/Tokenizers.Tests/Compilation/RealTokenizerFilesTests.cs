using Tokenizers.Compilation;

namespace Tokenizers.Tests.Compilation;

/// <summary>The five real tokenizer.json files read without errors into the components they declare.</summary>
public class RealTokenizerFilesTests
{
    private static readonly Dictionary<string, TokenizerJsonFile> Cache = new();

    private static TokenizerJsonFile ReadModel(string model)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(model, out var file)) Cache[model] = file = TokenizerJsonReader.Read(HfModelFiles.Read(model));
            return file;
        }
    }

    private static TokenizerDefinition Definition(string model)
    {
        var file = ReadModel(model);
        Assert.Empty(file.Errors.Select(e => e.Format(model)));
        return file.Definition!;
    }

    [Theory]
    [InlineData("llama3", 128000, 280147, 256)]
    [InlineData("qwen3", 151643, 151387, 26)]
    [InlineData("deepseek_v3", 128000, 127741, 818)]
    [InlineData("llama2", 32000, 58980, 3)]
    [InlineData("gemma3", 262144, 514906, 6415)]
    public void ReadsVocabularyMergesAndAddedTokens(string model, int vocab, int merges, int added)
    {
        var file = ReadModel(model);
        Assert.Empty(file.Errors.Select(e => e.Format(model)));
        Assert.Equal(vocab, file.Vocab.Count);
        Assert.Equal(merges, file.Merges.Count);
        Assert.Equal(added, file.Definition!.AddedTokens.Length);
        for (int i = 0; i < file.Merges.Count; i++) Assert.Equal(i, file.Merges[i].Index);
    }

    [Fact]
    public void Llama3_SplitThenByteLevel_IgnoresMerges()
    {
        var d = Definition("llama3");
        Assert.Null(d.Normalizer);
        var seq = Assert.IsType<SequencePreTokenizerDef>(d.PreTokenizer);
        Assert.Equal(2, seq.Items.Length);
        var split = Assert.IsType<SplitDef>(seq.Items[0]);
        Assert.True(split.Pattern.IsRegex);
        Assert.StartsWith("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}", split.Pattern.Text);
        Assert.Equal(new SplitDef(split.Pattern, SplitBehavior.Isolated, false), split);
        Assert.Equal(new ByteLevelDef(false, false), seq.Items[1]);
        Assert.Equal(new BpeModelDef(null, null, null, false, false, true), d.Model);
        Assert.IsType<ByteLevelPostProcessorDef>(d.PostProcessor);
        Assert.IsType<ByteLevelDecoderDef>(d.Decoder);
        Assert.Equal(new AddedTokenDef(128000, "<|begin_of_text|>", true, false, false, false, false), d.AddedTokens[0]);
    }

    [Fact]
    public void Qwen3_Nfc_PairMerges_EmptyPrefixIsNull()
    {
        var file = ReadModel("qwen3");
        var d = Definition("qwen3");
        Assert.Equal(new UnicodeNormalizerDef("NFC"), d.Normalizer);
        var seq = Assert.IsType<SequencePreTokenizerDef>(d.PreTokenizer);
        Assert.Contains("|\\p{N}|", Assert.IsType<SplitDef>(seq.Items[0]).Pattern.Text);
        Assert.Equal(new BpeModelDef(null, null, null, false, false, false), d.Model);
        Assert.Equal(("Ġ", "Ġ", 0), (file.Merges[0].Left, file.Merges[0].Right, file.Merges[0].Index));
        Assert.Equal(("!", 0), (file.Vocab[0].Token, file.Vocab[0].Id));
    }

    [Fact]
    public void DeepSeekV3_ThreeSplitsThenByteLevel()
    {
        var d = Definition("deepseek_v3");
        Assert.Equal([], Assert.IsType<SequenceNormalizerDef>(d.Normalizer).Items);
        var seq = Assert.IsType<SequencePreTokenizerDef>(d.PreTokenizer);
        Assert.Equal(4, seq.Items.Length);
        Assert.Equal(new PatternDef("\\p{N}{1,3}", true), Assert.IsType<SplitDef>(seq.Items[0]).Pattern);
        Assert.Equal(new PatternDef("[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+", true), Assert.IsType<SplitDef>(seq.Items[1]).Pattern);
        Assert.IsType<SplitDef>(seq.Items[2]);
        Assert.Equal(new ByteLevelDef(false, false), seq.Items[3]);
        Assert.False(d.Model.IgnoreMerges);
        Assert.Equal("<｜begin▁of▁sentence｜>", d.AddedTokens[0].Content);
    }

    /// <summary>The three Splits run as one hand-written scanner, so the file takes the one-scanner fast path.</summary>
    [Fact]
    public void DeepSeekV3_SplitsAreOneScanner()
    {
        var stages = Tokenizers.HuggingFace.PreTokenizerStage.Build(Definition("deepseek_v3").PreTokenizer,
            Tokenizers.HuggingFace.RegexMatcher.Compile, Tokenizers.HuggingFace.RegexMatcher.ScannerFor);
        Assert.Same(Tokenizers.PreTokenization.DeepSeekV3PreTokenizer.Instance, Assert.Single(stages).Scanner);
    }

    [Fact]
    public void Llama2_PrependReplace_TemplateWithBos_ByteFallbackDecoders()
    {
        var d = Definition("llama2");
        var norm = Assert.IsType<SequenceNormalizerDef>(d.Normalizer);
        DefinitionAssert.Equal(new NormalizerDef[] { new PrependNormalizerDef("▁"), new ReplaceNormalizerDef(new PatternDef(" ", false), "▁") }, norm.Items);
        Assert.Null(d.PreTokenizer);
        Assert.Equal(new BpeModelDef("<unk>", null, null, true, true, false), d.Model);
        DefinitionAssert.Equal(new TemplateProcessingDef([[1], null]), d.PostProcessor);
        DefinitionAssert.Equal(new SequenceDecoderDef([
            new ReplaceDecoderDef(new PatternDef("▁", false), " "), new ByteFallbackDecoderDef(), new FuseDecoderDef(), new StripDecoderDef(" ", 1, 0)]), d.Decoder);
    }

    [Fact]
    public void Gemma3_SplitOnSpace_MergedWithPrevious()
    {
        var d = Definition("gemma3");
        Assert.Equal(new ReplaceNormalizerDef(new PatternDef(" ", false), "▁"), d.Normalizer);
        Assert.Equal(new SplitDef(new PatternDef(" ", false), SplitBehavior.MergedWithPrevious, false), d.PreTokenizer);
        DefinitionAssert.Equal(new TemplateProcessingDef([[2], null]), d.PostProcessor);
        Assert.Equal(3, Assert.IsType<SequenceDecoderDef>(d.Decoder).Items.Length);
    }

    [Theory]
    [MemberData(nameof(HfModelFiles.All), MemberType = typeof(HfModelFiles))]
    public void SpecRoundTrips(string model)
    {
        var definition = Definition(model);
        string spec = TokenizerSpecWriter.Write(definition);
        var back = TokenizerJsonReader.ReadSpec(spec);
        DefinitionAssert.Equal(definition, back);
        Assert.Equal(spec, TokenizerSpecWriter.Write(back));
    }
}
