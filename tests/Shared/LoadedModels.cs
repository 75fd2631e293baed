namespace Tokenizers.Tests;

/// <summary>A Hugging Face model read at run time by <c>TokenizerFile.Load</c>, once the loader reads tokenizer.json.</summary>
public static class LoadedModels
{
    public static ITokenizer Load(string model)
    {
        return TokenizerFile.Load(HuggingFaceModels.TokenizerJson(model));
    }
}
