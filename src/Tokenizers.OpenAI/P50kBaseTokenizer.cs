namespace Tokenizers.OpenAI;

/// <summary>tiktoken's <c>p50k_base</c> (Codex): r50k plus whitespace-run tokens, GPT-2's pattern.</summary>
[GeneratedTokenizer("../../vocab/p50k_base/p50k_base.tiktoken", PreTokenizer = "gpt2", SpecialTokens = new[] { "<|endoftext|>=50256" })]
public sealed partial class P50kBaseTokenizer;
