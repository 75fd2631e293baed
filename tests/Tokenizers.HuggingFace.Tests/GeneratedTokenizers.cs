// The byte-level models and Llama 2, compiled by the generator from the AdditionalFiles that ../HuggingFaceModels.targets
// installed with npm; the paths are relative to this project, as the generator resolves them (a bare
// "llama3/tokenizer.json" would fall back to matching the file name, and all three files are named tokenizer.json).
// The package consumer test compiles "llama3/tokenizer.json" from a subfolder, as a user would.
namespace Tokenizers.HuggingFace.Tests;

[GeneratedTokenizer("../huggingface/obj/models/llama3/tokenizer.json")]
internal partial class Llama3Tokenizer;

[GeneratedTokenizer("../huggingface/obj/models/qwen3/tokenizer.json")]
internal partial class Qwen3Tokenizer;

[GeneratedTokenizer("../huggingface/obj/models/deepseek_v3/tokenizer.json")]
internal partial class DeepSeekV3Tokenizer;

// SentencePiece style. Gemma 3 (11 MB of tables and spec) would take these five past one assembly's string heap.
[GeneratedTokenizer("../huggingface/obj/models/llama2/tokenizer.json")]
internal partial class Llama2Tokenizer;
