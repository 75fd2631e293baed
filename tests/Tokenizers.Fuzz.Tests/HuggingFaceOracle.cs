using System.Text;
using System.Text.Json;
using System.Threading;
using Tokenizers.Tests;

namespace Tokenizers.Fuzz.Tests;

/// <summary>Texts for one model, encoded in one request (HF's <c>encodeBatch</c>).</summary>
public sealed record HuggingFaceBatch(string Model, IReadOnlyList<string> Texts, bool AddSpecialTokens = false);

/// <summary>
/// Hugging Face tokenizers 0.22.2 (the Rust core, native binding npm <c>@anush008/tokenizers</c> 0.6.0) in one
/// long-lived node process fed JSON lines (<c>tests/huggingface/oracle.js</c>), over the tokenizer.json files the
/// build installed (<see cref="HuggingFaceModels"/>). HF matches added tokens in the text always, as
/// <see cref="SpecialTokenPolicy.All"/> does; its own thread pool encodes each batch on every core.
/// </summary>
public sealed class HuggingFaceOracle : IDisposable
{
    private static readonly Lazy<HuggingFaceOracle> s_shared = new(() => new HuggingFaceOracle(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly NodeLineProcess _node;

    private HuggingFaceOracle() : this(HuggingFaceModels.Directory)
    {
    }

    /// <summary>An oracle of its own over <paramref name="modelsDirectory"/>/&lt;model&gt;/tokenizer.json (files a test writes).</summary>
    public HuggingFaceOracle(string modelsDirectory) =>
        _node = new("HF oracle", Path.GetDirectoryName(HuggingFaceModels.OracleScript)!, Path.GetFileName(HuggingFaceModels.OracleScript), modelsDirectory);

    /// <summary>One oracle process for the whole test assembly (each model loads once).</summary>
    public static HuggingFaceOracle Shared => s_shared.Value;

    /// <summary>The ids of one text (the shrinker's question).</summary>
    public int[] Encode(string model, string text, bool addSpecialTokens = false) =>
        Encode(new HuggingFaceBatch(model, [text], addSpecialTokens))[0];

    /// <summary>The ids of every text of one batch, in order.</summary>
    public int[][] Encode(HuggingFaceBatch batch)
    {
        int[][]? answer = null;
        Run([batch], (_, ids) => answer = ids);
        return answer!;
    }

    /// <summary>
    /// Answers every batch, streaming: <paramref name="onAnswer"/> sees batch i's ids (one array per text) in order,
    /// on the calling thread, while node works on the batches after it.
    /// </summary>
    public void Run(IReadOnlyList<HuggingFaceBatch> batches, Action<int, int[][]> onAnswer) =>
        _node.Exchange(batches.Count, (line, i) => AppendRequest(line, batches[i]), (i, line) => onAnswer(i, ParseAnswer(line, batches[i])));

    /// <summary>
    /// Hugging Face's <c>decode(ids, skip_special_tokens=false)</c> of every id array of each batch (one model a batch),
    /// streaming as <see cref="Run"/> does: <paramref name="onAnswer"/> sees batch i's texts in order.
    /// </summary>
    public void Decode(IReadOnlyList<(string Model, IReadOnlyList<int[]> Ids)> batches, Action<int, string[]> onAnswer) =>
        _node.Exchange(batches.Count, (line, i) => AppendDecodeRequest(line, batches[i].Model, batches[i].Ids), (i, line) =>
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
                throw new InvalidOperationException($"the HF oracle failed to decode a {batches[i].Model} batch: {root.GetProperty("error").GetString()}");
            string[] texts = root.EnumerateArray().Select(t => t.GetString()!).ToArray();
            if (texts.Length != batches[i].Ids.Count) throw new InvalidOperationException($"the HF oracle decoded {texts.Length} arrays, not {batches[i].Ids.Count}");
            onAnswer(i, texts);
        });

    private static void AppendDecodeRequest(StringBuilder sb, string model, IReadOnlyList<int[]> ids)
    {
        sb.Append("{\"m\":\"").Append(model).Append("\",\"d\":[");
        for (int i = 0; i < ids.Count; i++)
        {
            sb.Append(i > 0 ? ",[" : "[");
            for (int j = 0; j < ids[i].Length; j++)
            {
                if (j > 0) sb.Append(',');
                sb.Append(ids[i][j]);
            }
            sb.Append(']');
        }
        sb.Append("]}\n");
    }

    private static int[][] ParseAnswer(string line, HuggingFaceBatch batch)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
            throw new InvalidOperationException($"the HF oracle failed on a {batch.Model} batch: {root.GetProperty("error").GetString()}");
        var answers = new int[root.GetArrayLength()][];
        int k = 0;
        foreach (JsonElement ids in root.EnumerateArray())
        {
            var row = new int[ids.GetArrayLength()];
            int j = 0;
            foreach (JsonElement id in ids.EnumerateArray()) row[j++] = id.GetInt32();
            answers[k++] = row;
        }
        if (k != batch.Texts.Count) throw new InvalidOperationException($"the HF oracle answered {k} texts, not {batch.Texts.Count}");
        return answers;
    }

    private static void AppendRequest(StringBuilder sb, HuggingFaceBatch batch)
    {
        sb.Append("{\"m\":\"").Append(batch.Model).Append("\",\"s\":").Append(batch.AddSpecialTokens ? 1 : 0).Append(",\"t\":[");
        for (int i = 0; i < batch.Texts.Count; i++)
        {
            if (i > 0) sb.Append(',');
            TiktokenOracle.AppendJsonString(sb, batch.Texts[i]);
        }
        sb.Append("]}\n");
    }

    public void Dispose() => _node.Dispose();
}
