namespace Tokenizers.Tests;

/// <summary>A Hugging Face model read at run time by <c>TokenizerFile.Load</c>, once the loader reads tokenizer.json.</summary>
public static class LoadedModels
{
    public static ITokenizer Load(string model)
    {
#if HF_LOADER
        return TokenizerFile.Load(HuggingFaceModels.TokenizerJson(model));
#else
        Assert.Skip("TokenizerFile.Load does not read tokenizer.json yet: set HuggingFaceLoader to true in tests/HuggingFaceModels.targets (issue 9)");
        throw new InvalidOperationException(model);
#endif
    }
}
