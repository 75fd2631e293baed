using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Tokenizers.Cli.Conversion;

/// <summary>Reads vocab.json + merges.txt back into ranks, the way tiktoken loads GPT-2's original files.</summary>
public static class HuggingFaceReader
{
    public static RankFile ReadFolder(string folder) =>
        Rebuild(ParseVocab(File.ReadAllText(Path.Combine(folder, "vocab.json"))),
                ParseMerges(File.ReadAllText(Path.Combine(folder, "merges.txt"))));

    public static Dictionary<string, int> ParseVocab(string json)
    {
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (!vocab.TryAdd(property.Name, property.Value.GetInt32()))
                {
                    throw new InvalidDataException($"vocab.json: '{property.Name}' appears twice");
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"vocab.json: {e.Message}");
        }
        return vocab;
    }

    public static List<Merge> ParseMerges(string text)
    {
        var merges = new List<Merge>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || (i == 0 && line.StartsWith("#version", StringComparison.Ordinal)))
            {
                continue;
            }
            string[] parts = line.Split(' ');
            merges.Add(parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
                ? new Merge(parts[0], parts[1])
                : throw new InvalidDataException($"merges.txt line {i + 1}: expected 'left right'"));
        }
        return merges;
    }

    /// <summary>
    /// Ranks from merges: the single bytes, then each merge's result, which must be new, built from tokens already
    /// built, and carry a higher id than the merge before it (merge priority = rank order). Vocab entries no merge
    /// builds are the special tokens.
    /// </summary>
    /// <exception cref="InvalidDataException">The files are inconsistent.</exception>
    public static RankFile Rebuild(IReadOnlyDictionary<string, int> vocab, IReadOnlyList<Merge> merges)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (char c in ByteLevelAlphabet.Chars)
        {
            if (vocab.TryGetValue(c.ToString(), out int id))
            {
                ranks.Add(c.ToString(), id);
            }
        }
        int previous = -1;
        for (int i = 0; i < merges.Count; i++)
        {
            Merge merge = merges[i];
            string where = $"merge {i + 1} '{merge}'";
            if (!ranks.ContainsKey(merge.Left) || !ranks.ContainsKey(merge.Right))
            {
                throw new InvalidDataException($"{where} uses a token no earlier merge builds");
            }
            if (!vocab.TryGetValue(merge.Result, out int id))
            {
                throw new InvalidDataException($"{where} builds a token missing from vocab.json");
            }
            if (!ranks.TryAdd(merge.Result, id))
            {
                throw new InvalidDataException($"{where} builds a token an earlier merge built");
            }
            if (id <= previous)
            {
                throw new InvalidDataException($"{where} has id {id}, not above the previous merge's {previous}");
            }
            previous = id;
        }
        var specials = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, int> entry in vocab)
        {
            if (!ranks.ContainsKey(entry.Key))
            {
                specials.Add(entry.Key, entry.Value);
            }
        }
        return new RankFile(ranks, specials);
    }
}
