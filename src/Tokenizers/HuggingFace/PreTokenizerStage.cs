using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Tokenizers.Compilation;
using Tokenizers.PreTokenization;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.HuggingFace;

internal enum StageKind
{
    /// <summary>Pieces from a scanner: a non-inverted Isolated split, streamed with no list.</summary>
    Scanner,

    /// <summary>Any other split (a behavior, invert, Digits, Punctuation).</summary>
    Split,

    /// <summary>ByteLevel's <c>add_prefix_space</c>: a space before each piece that does not start with one.</summary>
    PrefixSpace,

    /// <summary><c>Metaspace</c>: spaces become the replacement, which is prepended as the scheme says, then split before each one.</summary>
    Metaspace,
}

/// <summary>One step of a Hugging Face pre-tokenizer: each step splits every piece of the previous one, seeing only that piece.</summary>
internal sealed class PreTokenizerStage
{
    private PreTokenizerStage(StageKind kind, PreTokenizer? scanner, SplitStage? split, MetaspaceDef? metaspace = null)
    {
        Kind = kind;
        Scanner = scanner;
        Split = split;
        Metaspace = metaspace;
    }

    /// <summary>The Metaspace options; its split (before each replacement char, MergedWithNext) is <see cref="Split"/>.</summary>
    public MetaspaceDef? Metaspace { get; }

    public StageKind Kind { get; }

    public PreTokenizer? Scanner { get; }

    public SplitStage? Split { get; }

    public static PreTokenizerStage PrefixSpace { get; } = new(StageKind.PrefixSpace, null, null);

    public static PreTokenizerStage FromScanner(PreTokenizer scanner) => new(StageKind.Scanner, scanner, null);

    public static PreTokenizerStage FromSplit(SplitStage split) => new(StageKind.Split, null, split);

    /// <summary>
    /// The stages of a pre-tokenizer, <c>Sequence</c>s flattened. The ByteLevel step maps each piece's bytes to GPT-2's
    /// alphabet; the BPE engine encodes a piece's UTF-8 directly, so that mapping has no stage, and a step after it
    /// (which would see mapped chars) is not supported.
    /// </summary>
    /// <param name="definition">The tokenizer.json <c>pre_tokenizer</c>.</param>
    /// <param name="compileRegex">Compiles a Split pattern to a matcher.</param>
    /// <param name="scannerFor">The streaming scanner for a non-inverted Isolated regex Split.</param>
    public static PreTokenizerStage[] Build(PreTokenizerDef? definition, Func<string, SplitMatcher> compileRegex,
        Func<string, PreTokenizer> scannerFor)
    {
        var stages = new List<PreTokenizerStage>();
        bool byteLevelSeen = false;
        Add(definition, "pre_tokenizer");
        return stages.ToArray();

        // Isolated regex Splits in a row that one hand-written scanner makes at once (DeepSeek V3's three): how many.
        int AddFused(PreTokenizerDef[] items, int from)
        {
            var patterns = new List<string>();
            for (int i = from; i < items.Length && items[i] is SplitDef { Behavior: SplitBehavior.Isolated, Invert: false, Pattern.IsRegex: true } split; i++)
            {
                patterns.Add(split.Pattern.Text);
                if (KnownPatterns.TryGetSequenceScanner(CollectionsMarshal.AsSpan(patterns)) is { } scanner)
                {
                    stages.Add(FromScanner(scanner));
                    return patterns.Count;
                }
            }
            return 0;
        }

        void Add(PreTokenizerDef? def, string path)
        {
            if (def is null) return;
            if (byteLevelSeen)
                throw new NotSupportedException($"{path}: a pre-tokenizer after ByteLevel (which would see byte-level chars) is not supported.");
            switch (def)
            {
                case SequencePreTokenizerDef sequence:
                    for (int i = 0; i < sequence.Items.Length; i++)
                    {
                        int fused = byteLevelSeen ? 0 : AddFused(sequence.Items, i);
                        if (fused > 0) i += fused - 1;
                        else Add(sequence.Items[i], $"{path}.pretokenizers[{i}]");
                    }
                    break;
                case SplitDef { Behavior: SplitBehavior.Isolated, Invert: false, Pattern.IsRegex: true } split:
                    stages.Add(FromScanner(scannerFor(split.Pattern.Text)));
                    break;
                // Removed with invert keeps the matches and drops what lies between them (the tokenizer.json files
                // converted from tiktoken, GPT-4o's among them). A known pattern's matches tile the text, so nothing
                // lies between them: that is its Isolated split, and its scanner makes it.
                case SplitDef { Behavior: SplitBehavior.Removed, Invert: true, Pattern.IsRegex: true } split
                    when KnownPatterns.TryGetScanner(split.Pattern.Text) is { } known:
                    stages.Add(FromScanner(known));
                    break;
                case SplitDef split:
                    stages.Add(FromSplit(new SplitStage(SplitMatcher.Create(split.Pattern, compileRegex), split.Behavior, split.Invert)));
                    break;
                case DigitsDef digits:
                    stages.Add(FromSplit(new SplitStage(CharClassMatcher.Numeric,
                        digits.IndividualDigits ? SplitBehavior.Isolated : SplitBehavior.Contiguous, invert: false)));
                    break;
                case PunctuationDef punctuation:
                    stages.Add(FromSplit(new SplitStage(CharClassMatcher.Punctuation, punctuation.Behavior, invert: false)));
                    break;
                case MetaspaceDef metaspace:
                    stages.Add(new PreTokenizerStage(StageKind.Metaspace, null,
                        metaspace.Split ? new SplitStage(SplitMatcher.Create(new PatternDef(metaspace.Replacement, false), compileRegex),
                            SplitBehavior.MergedWithNext, invert: false) : null, metaspace));
                    break;
                case ByteLevelDef byteLevel:
                    if (byteLevel.AddPrefixSpace) stages.Add(PrefixSpace);
                    if (byteLevel.UseRegex) stages.Add(FromScanner(Gpt2PreTokenizer.Instance));
                    byteLevelSeen = true;
                    break;
                default:
                    throw new NotSupportedException($"{path}: the pre-tokenizer {def.GetType().Name} is not supported.");
            }
        }
    }
}
