using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Hugging Face's Rust core (npm <c>@anush008/tokenizers</c>, installed by the build: <see cref="HuggingFaceModels"/>)
/// run by node over a batch of texts (<c>hf-encode.js</c>).
/// </summary>
internal static class HfOracle
{
    /// <summary>The binding's node_modules; fails, saying why, when the build did not install it.</summary>
    private static string NodeModules()
    {
        string? env = Environment.GetEnvironmentVariable(HuggingFaceModels.NodeModulesVariable);
        string dir = string.IsNullOrEmpty(env) ? HuggingFaceModels.NodeModules : env;
        Assert.True(Directory.Exists(Path.Combine(dir, "@anush008", "tokenizers")),
            $"the Hugging Face oracle (@anush008/tokenizers) is not in {dir}: the build installs it (tests/HuggingFaceModels.targets)");
        return dir;
    }

    /// <summary>
    /// A copy of <paramref name="tokenizerJson"/> in which Hugging Face runs the BPE model alone on the whole text:
    /// no normalizer, no added tokens, no post-processor, and a ByteLevel pre-tokenizer that only maps bytes to its
    /// alphabet (no prefix space, no regex), so the whole text is one piece.
    /// </summary>
    public static string ModelOnlyCopy(string tokenizerJson, string directory)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(tokenizerJson))!;
        root["normalizer"] = null;
        root["pre_tokenizer"] = new JsonObject
        {
            ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false,
        };
        root["added_tokens"] = new JsonArray();
        root["post_processor"] = null;
        string path = Path.Combine(directory, "tokenizer.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    /// <summary>Hugging Face's ids of each text (add_special_tokens = false); fails when the build did not install the package.</summary>
    public static int[][] Encode(string tokenizerJson, IReadOnlyList<string> texts) => Run<int[][]>("hf-encode.js", tokenizerJson, texts);

    /// <summary>
    /// Runs a script of this folder (<c>node SCRIPT TOKENIZER_JSON INPUT_JSON OUTPUT_JSON</c>) over the texts and reads its
    /// output; fails when the build did not install the package.
    /// </summary>
    public static T Run<T>(string scriptName, string tokenizerJson, IReadOnlyList<string> texts)
    {
        string modules = NodeModules();
        string dir = Directory.CreateTempSubdirectory("hf-oracle-").FullName;
        try
        {
            string input = Path.Combine(dir, "in.json"), output = Path.Combine(dir, "out.json");
            File.WriteAllText(input, JsonSerializer.Serialize(texts));
            string script = Path.Combine(SharedData.RepoRoot, "tests", "Tokenizers.Tests", "HuggingFace", scriptName);
            var start = new ProcessStartInfo("node", [script, tokenizerJson, input, output])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.Environment["NODE_PATH"] = modules;
            using Process node = Process.Start(start)!;
            string stderr = node.StandardError.ReadToEnd();
            node.WaitForExit();
            Assert.True(node.ExitCode == 0, scriptName + " failed: " + stderr);
            return JsonSerializer.Deserialize<T>(File.ReadAllText(output))!;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
