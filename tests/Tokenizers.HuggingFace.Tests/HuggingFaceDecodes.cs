using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.HuggingFace.Tests;

/// <summary>
/// Hugging Face's <c>decode(ids, skip_special_tokens=false)</c> of every vector's ids, asked once per model of the
/// oracle (<c>tests/huggingface/oracle.js</c>, a <c>"d"</c> request).
/// </summary>
internal static class HuggingFaceDecodes
{
    private static readonly ConcurrentDictionary<string, Lazy<string[]>> s_cache = new();

    public static IReadOnlyList<string> For(string model, IReadOnlyList<HuggingFaceVector> vectors) =>
        s_cache.GetOrAdd(model, m => new Lazy<string[]>(() => Ask(m, vectors))).Value;

    private static string[] Ask(string model, IReadOnlyList<HuggingFaceVector> vectors)
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
        node.StandardInput.WriteLine(JsonSerializer.Serialize(new { m = model, d = vectors.Select(v => v.Ids).ToArray() }));
        node.StandardInput.Close();
        string? line = node.StandardOutput.ReadLine();
        string stderr = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(line is not null && line.StartsWith('['), $"the HF oracle did not decode {model}: {line} {stderr}");
        string[] texts = JsonSerializer.Deserialize<string[]>(line!)!;
        Assert.Equal(vectors.Count, texts.Length);
        return texts;
    }
}
