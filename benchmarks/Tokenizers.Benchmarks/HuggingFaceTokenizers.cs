// The Hugging Face models of issues 9 and 10 (Gemma 3's class is in tests/Tokenizers.HuggingFace.Gemma), compiled by the generator from the tokenizer.json files that
// tests/HuggingFaceModels.targets installs with npm at build time (never committed: their licences keep them out).
// The paths are relative to this project, as the generator resolves them.
namespace Tokenizers.Benchmarks;

[GeneratedTokenizer("../../tests/huggingface/obj/models/llama3/tokenizer.json")]
internal partial class Llama3Tokenizer;

[GeneratedTokenizer("../../tests/huggingface/obj/models/qwen3/tokenizer.json")]
internal partial class Qwen3Tokenizer;

[GeneratedTokenizer("../../tests/huggingface/obj/models/deepseek_v3/tokenizer.json")]
internal partial class DeepSeekV3Tokenizer;

[GeneratedTokenizer("../../tests/huggingface/obj/models/llama2/tokenizer.json")]
internal partial class Llama2Tokenizer;
