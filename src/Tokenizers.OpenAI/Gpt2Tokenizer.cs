namespace Tokenizers.OpenAI;

/// <summary>GPT-2's byte-level BPE (tiktoken's <c>gpt2</c>), compiled from vocab/gpt2's vocab.json and merges.txt.</summary>
[GeneratedTokenizer("../../vocab/gpt2/vocab.json", "../../vocab/gpt2/merges.txt")]
public sealed partial class Gpt2Tokenizer;
