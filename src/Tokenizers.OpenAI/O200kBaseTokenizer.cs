namespace Tokenizers.OpenAI;

/// <summary>tiktoken's <c>o200k_base</c> (GPT-4o).</summary>
[GeneratedTokenizer("../../vocab/o200k_base/o200k_base.tiktoken", PreTokenizer = "o200k", SpecialTokens = new[] { "<|endoftext|>=199999", "<|endofprompt|>=200018" })]
public sealed partial class O200kBaseTokenizer;
