#if HF_GENERATOR
// TODO(issue 9, lead): compiled once the generator takes a tokenizer.json as its one argument; switch on with
// <HuggingFaceGenerator>true</HuggingFaceGenerator> in ../HuggingFaceModels.targets. The files are the AdditionalFiles
// that targets file installed; the paths are relative to this project, as the generator resolves them (a bare
// "llama3/tokenizer.json" would fall back to matching the file name, and all three files are named tokenizer.json).
// The package consumer test compiles "llama3/tokenizer.json" from a subfolder, as a user would.
namespace Tokenizers.HuggingFace.Tests;

[GeneratedTokenizer("../huggingface/obj/models/llama3/tokenizer.json")]
internal partial class Llama3Tokenizer;

[GeneratedTokenizer("../huggingface/obj/models/qwen3/tokenizer.json")]
internal partial class Qwen3Tokenizer;

[GeneratedTokenizer("../huggingface/obj/models/deepseek_v3/tokenizer.json")]
internal partial class DeepSeekV3Tokenizer;
#endif
