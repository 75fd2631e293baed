using System.Reflection;
using System.Runtime.CompilerServices;

namespace Tokenizers.Tests;

/// <summary>
/// Where the build installed the Hugging Face models (tests/HuggingFaceModels.targets, which compiles this file into
/// the projects that import it): <c>TOKENIZERS_HF_MODELS</c> when set, else the directory the build wrote into the
/// assembly's metadata. Each model is <c>&lt;dir&gt;/&lt;model&gt;/tokenizer.json</c>.
/// </summary>
public static class HuggingFaceModels
{
    public const string EnvironmentVariable = "TOKENIZERS_HF_MODELS";

    /// <summary>Where tests that run their own node script find <c>@anush008/tokenizers</c> (their <c>NODE_PATH</c>).</summary>
    public const string NodeModulesVariable = "TOKENIZERS_HF_NODE_MODULES";

    /// <summary>The byte-level BPE models of issue 9.</summary>
    public static IReadOnlyList<string> ByteLevel { get; } = ["llama3", "qwen3", "deepseek_v3"];

    /// <summary>The SentencePiece-style models of issue 10.</summary>
    public static IReadOnlyList<string> SentencePiece { get; } = ["llama2", "gemma3"];

    public static IReadOnlyList<string> All { get; } = [.. ByteLevel, .. SentencePiece];

    /// <summary>
    /// Real files beyond the issues' five, which have no reference vectors. Byte-level: Mistral Nemo (Mistral's Tekken
    /// pattern, ignore_merges, 1,000 added tokens), GPT-4o and GPT-4 (o200k's and cl100k's patterns as Removed,
    /// inverted Splits), Claude (NFKC, GPT-2's pattern). SentencePiece style: Gemma and Gemma 2 (256,000 tokens;
    /// Gemma's has no pre-tokenizer), ChatGLM3, InternLM2, Baichuan 2 and Yi.
    /// </summary>
    public static IReadOnlyList<string> Others { get; } =
        ["gemma", "gemma2", "mistral_nemo", "gpt4o", "gpt4", "claude", "chatglm3", "internlm2", "baichuan2", "yi"];

    /// <summary>The models whose <c>Decode</c> is more than byte-level's inverse: meta spaces and byte fallback.</summary>
    public static IReadOnlyList<string> DecodedLikeSentencePiece { get; } =
        [.. SentencePiece, "gemma", "gemma2", "chatglm3", "internlm2", "baichuan2", "yi"];

    public static string Directory { get; } = Find();

    /// <summary>The oracle script (tests/huggingface/oracle.js), run by node beside its node_modules.</summary>
    public static string OracleScript => Metadata("TokenizersHuggingFaceOracle")
        ?? throw new InvalidOperationException("this assembly was not built with tests/HuggingFaceModels.targets");

    public static string TokenizerJson(string model)
    {
        string path = Path.Combine(Directory, model, "tokenizer.json");
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing: the build installs it with npm (tests/HuggingFaceModels.targets); "
                + $"build the test project, or point {EnvironmentVariable} at a directory holding <model>/tokenizer.json", path);
        return path;
    }

    /// <summary>The node_modules the build installed beside <see cref="OracleScript"/>.</summary>
    public static string NodeModules => Path.Combine(Path.GetDirectoryName(OracleScript)!, "node_modules");

    /// <summary>
    /// Makes <c>TOKENIZERS_HF_MODELS</c> and <c>TOKENIZERS_HF_NODE_MODULES</c> name what the build installed, for the
    /// whole test process, so tests that only read the variables find the models and the binding without any runner
    /// settings. A variable already set wins.
    /// </summary>
#pragma warning disable CA2255 // A test assembly's own initialiser, not a library's.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ExportDirectories()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)))
            Environment.SetEnvironmentVariable(EnvironmentVariable, Directory);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NodeModulesVariable)))
            Environment.SetEnvironmentVariable(NodeModulesVariable, NodeModules);
    }

    private static string Find()
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        return Path.GetFullPath(Metadata("TokenizersHuggingFaceModels")
            ?? throw new InvalidOperationException($"{EnvironmentVariable} is unset and this assembly was not built with tests/HuggingFaceModels.targets"));
    }

    private static string? Metadata(string key) =>
        typeof(HuggingFaceModels).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
