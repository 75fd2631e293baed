using System.Text.Json;

namespace Tokenizers.TorchSharp.Tests;

/// <summary>Reference data from <c>../shared</c> beside the checkout (never copied into the repository).</summary>
public static class SharedVectors
{
    private static readonly Lazy<int[]> TheVerdict = new(() => Ids("gpt2", "the-verdict"));

    /// <summary>The shared folder: <c>TOKENIZERS_SHARED</c>, else <c>../shared</c> next to the directory holding Tokenizers.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>GPT-2 ids of the-verdict.txt (5,145 tokens), as tiktoken encodes them.</summary>
    public static int[] TheVerdictGpt2 => TheVerdict.Value;

    /// <summary>The <c>ids</c> of the record with this encoding and name in tiktoken-vectors.jsonl.</summary>
    public static int[] Ids(string encoding, string name)
    {
        foreach (string line in File.ReadLines(Path.Combine(Root, "vectors", "tiktoken-vectors.jsonl")))
        {
            using JsonDocument record = JsonDocument.Parse(line);
            JsonElement r = record.RootElement;
            if (r.GetProperty("encoding").GetString() == encoding && r.GetProperty("name").GetString() == name)
                return r.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        }
        throw new InvalidOperationException($"No {encoding} record named {name} in {Root}/vectors/tiktoken-vectors.jsonl.");
    }

    private static string FindRoot()
    {
        string? env = Environment.GetEnvironmentVariable("TOKENIZERS_SHARED");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tokenizers.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }
        throw new DirectoryNotFoundException("Tokenizers.sln not found above the test binaries; set TOKENIZERS_SHARED.");
    }
}
