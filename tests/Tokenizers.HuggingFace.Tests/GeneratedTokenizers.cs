#if HF_GENERATOR
// TODO(issue 9, lead): compiled once the generator takes a tokenizer.json as its one argument; switch on with
// <HuggingFaceGenerator>true</HuggingFaceGenerator> in the .csproj. The files are AdditionalFiles installed by
// ../HuggingFaceModels.targets (Link="<model>/tokenizer.json").
namespace Tokenizers.HuggingFace.Tests;

[GeneratedTokenizer("llama3/tokenizer.json")]
internal partial class Llama3Tokenizer;

[GeneratedTokenizer("qwen3/tokenizer.json")]
internal partial class Qwen3Tokenizer;

[GeneratedTokenizer("deepseek_v3/tokenizer.json")]
internal partial class DeepSeekV3Tokenizer;
#endif
