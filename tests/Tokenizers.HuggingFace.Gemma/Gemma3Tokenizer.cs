namespace Tokenizers.HuggingFace.Gemma;

/// <summary>
/// Gemma 3's tokenizer.json (262,144 tokens, 514,906 merges), compiled by the generator from the file
/// ../HuggingFaceModels.targets installed; the path is relative to this project, as the generator resolves it.
/// </summary>
[GeneratedTokenizer("../huggingface/obj/models/gemma3/tokenizer.json")]
public partial class Gemma3Tokenizer;
