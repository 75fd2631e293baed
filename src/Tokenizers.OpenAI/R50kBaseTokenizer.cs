namespace Tokenizers.OpenAI;

/// <summary>tiktoken's <c>r50k_base</c> (GPT-3): GPT-2's ranks and pattern.</summary>
[GeneratedTokenizer("../../vocab/r50k_base/r50k_base.tiktoken", PreTokenizer = "gpt2", SpecialTokens = new[] { "<|endoftext|>=50256" })]
public sealed partial class R50kBaseTokenizer;
