using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Tokenizers.Tests;

/// <summary>
/// Hugging Face's <c>decode(ids, skip_special_tokens=false)</c>, asked of the oracle (<c>tests/huggingface/oracle.js</c>,
/// a <c>"d"</c> request): of every vector's ids, once per model, or of any id arrays.
/// </summary>
public static class HuggingFaceDecodes
{
    private static readonly ConcurrentDictionary<string, Lazy<string[]>> s_cache = new();

    public static IReadOnlyList<string> For(string model, IReadOnlyList<HuggingFaceVector> vectors) =>
        s_cache.GetOrAdd(model, m => new Lazy<string[]>(() => Decode(m, vectors.Select(v => v.Ids).ToArray()))).Value;

    /// <summary>Hugging Face's text of each id array, in order.</summary>
    public static string[] Decode(string model, IReadOnlyList<int[]> ids)
    {
        string script = HuggingFaceModels.OracleScript;
        var start = new ProcessStartInfo("node", [Path.GetFileName(script), HuggingFaceModels.Directory])
        {
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using Process node = Process.Start(start)!;
        node.StandardInput.WriteLine(JsonSerializer.Serialize(new { m = model, d = ids }));
        node.StandardInput.Close();
        string? line = node.StandardOutput.ReadLine();
        string stderr = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(line is not null && line.StartsWith('['), $"the HF oracle did not decode {model}: {line} {stderr}");
        string[] texts = JsonSerializer.Deserialize<string[]>(line!)!;
        Assert.Equal(ids.Count, texts.Length);
        return texts;
    }
}
