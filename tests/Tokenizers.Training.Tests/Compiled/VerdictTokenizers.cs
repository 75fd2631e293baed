namespace Tokenizers.Training.Tests.Compiled;

// Compiled at build time from vocabularies trained on the-verdict into obj/trained/ (see the project file).

/// <summary>The notebook's SimpleTokenizerV1: unknown words throw.</summary>
[GeneratedTokenizer("obj/trained/verdict-v1/words.txt")]
public partial class VerdictWordsV1;

/// <summary>The notebook's SimpleTokenizerV2: unknown words become &lt;|unk|&gt;.</summary>
[GeneratedTokenizer("obj/trained/verdict-v2/words.txt", UnknownToken = "<|unk|>")]
public partial class VerdictWordsV2;

/// <summary>The notebook's SimpleBPETokenizer vocabulary (<c>--seed-compatible</c>, 500 ids), merged by rank over the whole text.</summary>
[GeneratedTokenizer("obj/trained/verdict-seed-bpe/vocab.json", "obj/trained/verdict-seed-bpe/merges.txt", PreTokenizer = "none")]
public partial class VerdictSeedBpe;

/// <summary>A GPT-2-style BPE vocabulary (pre-tokenized, 600 ids) trained without <c>--seed-compatible</c>.</summary>
[GeneratedTokenizer("obj/trained/verdict-gpt2-bpe/vocab.json", "obj/trained/verdict-gpt2-bpe/merges.txt")]
public partial class VerdictGpt2Bpe;
