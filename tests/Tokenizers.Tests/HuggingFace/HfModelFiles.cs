namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The real tokenizer.json files (never committed: their licences keep them out of the repository), installed by the
/// build (<see cref="HuggingFaceModels"/>).
/// </summary>
public static class HfModelFiles
{
    public static readonly string[] ByteLevelModels = [.. HuggingFaceModels.ByteLevel];

    /// <summary>The file's path; fails, saying how it is installed, when it is missing.</summary>
    public static string Require(string model) => HuggingFaceModels.TokenizerJson(model);
}
