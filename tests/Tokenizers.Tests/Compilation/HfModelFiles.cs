namespace Tokenizers.Tests.Compilation;

/// <summary>
/// The five Hugging Face tokenizer.json files the tests read (their licences keep them out of the repository), installed
/// by the build (<see cref="HuggingFaceModels"/>).
/// </summary>
public static class HfModelFiles
{
    public static readonly string[] Models = [.. HuggingFaceModels.All];

    public static TheoryData<string> All => new(Models);

    /// <summary>The file of <paramref name="model"/>; fails, saying how it is installed, when it is missing.</summary>
    public static string PathOf(string model) => HuggingFaceModels.TokenizerJson(model);

    public static string Read(string model) => File.ReadAllText(PathOf(model));
}
