namespace Tokenizers.OpenAI;

/// <summary>tiktoken's <c>cl100k_base</c> (GPT-3.5, GPT-4).</summary>
[GeneratedTokenizer("../../vocab/cl100k_base/cl100k_base.tiktoken", PreTokenizer = "cl100k", SpecialTokens = new[]
{
    "<|endoftext|>=100257", "<|fim_prefix|>=100258", "<|fim_middle|>=100259", "<|fim_suffix|>=100260", "<|endofprompt|>=100276",
})]
public sealed partial class Cl100kBaseTokenizer;
