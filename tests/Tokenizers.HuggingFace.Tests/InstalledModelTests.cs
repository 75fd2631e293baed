using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.HuggingFace.Tests;

/// <summary>
/// The build installed the five models (../HuggingFaceModels.targets) where the tests look for them, and they are
/// Hugging Face tokenizer.json files of BPE models with the added tokens the reference vectors and the fuzzing use.
/// </summary>
public class InstalledModelTests
{
    public static TheoryData<string, string, int> AddedTokens => new()
    {
        { "llama3", "<|begin_of_text|>", 128000 },
        { "qwen3", "<|im_start|>", 151644 },
        { "deepseek_v3", "<\uFF5Cbegin\u2581of\u2581sentence\uFF5C>", 0 },
        { "llama2", "<s>", 1 },
        { "gemma3", "<bos>", 2 },
    };

    [Theory]
    [MemberData(nameof(AddedTokens))]
    public void ModelIsInstalledWithItsAddedTokens(string model, string token, int id)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(HuggingFaceModels.TokenizerJson(model)));
        Assert.Equal("BPE", json.RootElement.GetProperty("model").GetProperty("type").GetString());
        var added = json.RootElement.GetProperty("added_tokens").EnumerateArray()
            .ToDictionary(t => t.GetProperty("content").GetString()!, t => t.GetProperty("id").GetInt32());
        Assert.Equal(id, added[token]);
    }

    [Fact]
    public void TheEnvironmentVariablesNameTheInstalledDirectories()
    {
        Assert.Equal(HuggingFaceModels.Directory, Environment.GetEnvironmentVariable(HuggingFaceModels.EnvironmentVariable));
        Assert.All(HuggingFaceModels.All, m => Assert.True(File.Exists(Path.Combine(HuggingFaceModels.Directory, m, "tokenizer.json")), m));
        string modules = Environment.GetEnvironmentVariable(HuggingFaceModels.NodeModulesVariable)!;
        Assert.True(File.Exists(Path.Combine(modules, "@anush008", "tokenizers", "index.js")), modules);
    }

    [Fact]
    public void EveryModelHasEveryVector()
    {
        var names = HuggingFaceModels.All.Select(m => HuggingFaceVectors.For(m).Select(v => v.Name).Order().ToList()).ToList();
        Assert.All(names, n => Assert.Equal(names[0], n));
        Assert.Contains("chat-qwen", names[0]);
    }
}
