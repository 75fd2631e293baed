namespace Tokenizers.Compilation;

// The components of a Hugging Face tokenizer.json other than the vocabulary and merges (which become tables), as
// read by TokenizerJsonReader. The generator writes them back as a compact tokenizer.json-shaped spec string
// (TokenizerSpecWriter) that the runtime reads with the same reader, so the generated tokenizer and the run-time
// loader run one implementation. Names follow tokenizer.json.

/// <summary>A <c>Split</c>/<c>Replace</c> pattern: <c>{"Regex": "..."}</c> or <c>{"String": "..."}</c>.</summary>
internal sealed record PatternDef(string Text, bool IsRegex);

internal enum SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous }

internal abstract record NormalizerDef;

/// <summary><c>NFC</c>, <c>NFD</c>, <c>NFKC</c> or <c>NFKD</c>.</summary>
internal sealed record UnicodeNormalizerDef(string Form) : NormalizerDef;

internal sealed record LowercaseNormalizerDef : NormalizerDef;

internal sealed record PrependNormalizerDef(string Prepend) : NormalizerDef;

internal sealed record ReplaceNormalizerDef(PatternDef Pattern, string Content) : NormalizerDef;

internal sealed record SequenceNormalizerDef(NormalizerDef[] Items) : NormalizerDef;

internal abstract record PreTokenizerDef;

internal sealed record SplitDef(PatternDef Pattern, SplitBehavior Behavior, bool Invert) : PreTokenizerDef;

/// <summary><c>ByteLevel</c>: maps bytes to GPT-2's alphabet; <c>use_regex</c> first splits with GPT-2's pattern.</summary>
internal sealed record ByteLevelDef(bool AddPrefixSpace, bool UseRegex) : PreTokenizerDef;

internal sealed record DigitsDef(bool IndividualDigits) : PreTokenizerDef;

internal sealed record PunctuationDef(SplitBehavior Behavior) : PreTokenizerDef;

/// <summary><c>Metaspace</c>: <c>prepend_scheme</c> is "always", "first" or "never".</summary>
internal sealed record MetaspaceDef(string Replacement, string PrependScheme, bool Split) : PreTokenizerDef;

internal sealed record SequencePreTokenizerDef(PreTokenizerDef[] Items) : PreTokenizerDef;

/// <summary>The BPE model's options (<c>model.*</c> but <c>vocab</c> and <c>merges</c>). Empty strings are read as null.</summary>
internal sealed record BpeModelDef(string? UnkToken, string? ContinuingSubwordPrefix, string? EndOfWordSuffix,
    bool FuseUnk, bool ByteFallback, bool IgnoreMerges);

/// <summary>One entry of <c>added_tokens</c>.</summary>
internal sealed record AddedTokenDef(int Id, string Content, bool Special, bool SingleWord, bool LStrip, bool RStrip, bool Normalized);

internal abstract record PostProcessorDef;

/// <summary><c>ByteLevel</c> post-processing only trims offsets: it adds no ids.</summary>
internal sealed record ByteLevelPostProcessorDef : PostProcessorDef;

/// <summary><c>TemplateProcessing</c>'s <c>single</c> template: each piece is either special ids or the sequence (null).</summary>
internal sealed record TemplateProcessingDef(int[]?[] Single) : PostProcessorDef;

internal sealed record SequencePostProcessorDef(PostProcessorDef[] Items) : PostProcessorDef;

internal abstract record DecoderDef;

internal sealed record ByteLevelDecoderDef : DecoderDef;

internal sealed record ReplaceDecoderDef(PatternDef Pattern, string Content) : DecoderDef;

internal sealed record ByteFallbackDecoderDef : DecoderDef;

internal sealed record FuseDecoderDef : DecoderDef;

internal sealed record StripDecoderDef(string Content, int Start, int Stop) : DecoderDef;

internal sealed record MetaspaceDecoderDef(string Replacement, string PrependScheme, bool Split) : DecoderDef;

internal sealed record SequenceDecoderDef(DecoderDef[] Items) : DecoderDef;

/// <summary>Everything of a tokenizer.json but its vocabulary and merges.</summary>
internal sealed record TokenizerDefinition(
    NormalizerDef? Normalizer,
    PreTokenizerDef? PreTokenizer,
    BpeModelDef Model,
    AddedTokenDef[] AddedTokens,
    PostProcessorDef? PostProcessor,
    DecoderDef? Decoder);
