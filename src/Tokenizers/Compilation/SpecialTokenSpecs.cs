using System.Collections.Generic;
using System.Globalization;

namespace Tokenizers.Compilation;

/// <summary>
/// Special tokens given beside a BPE vocabulary as <c>"text=id"</c> (the attribute's <c>SpecialTokens</c>, the loader's
/// options): a .tiktoken file has none of its own.
/// </summary>
internal static class SpecialTokenSpecs
{
    /// <summary>
    /// Adds every valid spec to <paramref name="vocabulary"/>; each bad one goes to <paramref name="problems"/> with its
    /// index and why (a token the vocabulary already has with the same id is fine).
    /// </summary>
    public static void Add(BpeVocabulary vocabulary, IReadOnlyList<string> specs, List<(int Index, string Why)> problems)
    {
        if (specs.Count == 0) return;
        // Mergeable tokens by their bytes, to find a special token whose text is already an ordinary token.
        var mergeable = new Dictionary<string, int>(vocabulary.Mergeable.Count);
        foreach (var t in vocabulary.Mergeable) mergeable[Latin1(t.Bytes)] = t.Id;
        for (int i = 0; i < specs.Count; i++)
        {
            string? why = TryAdd(vocabulary, specs[i], mergeable);
            if (why is not null) problems.Add((i, why));
        }
    }

    /// <summary>Null when added (or already there), else why not.</summary>
    private static string? TryAdd(BpeVocabulary vocabulary, string spec, Dictionary<string, int> mergeable)
    {
        int eq = spec.LastIndexOf('=');
        if (eq <= 0 || !int.TryParse(spec.Substring(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            return "expected \"text=id\" with non-empty text and a non-negative 32-bit id";
        string text = spec.Substring(0, eq);
        if (id > BpeVocabulary.MaxTokenId)
            return $"id {TextDisplay.Number(id)} is above {TextDisplay.Number(BpeVocabulary.MaxTokenId)}, the largest id the generated layout supports";
        int existing = vocabulary.Specials.FindIndex(s => s.Text == text);
        if (existing >= 0)
            return vocabulary.Specials[existing].Id != id ? $"the vocabulary already gives it id {Int(vocabulary.Specials[existing].Id)}" : null;
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (mergeable.TryGetValue(Latin1(bytes), out int ordinary))
            return $"its text is already vocabulary token {Int(ordinary)}";
        int other = vocabulary.Specials.FindIndex(s => s.Id == id);
        if (other >= 0)
            return $"id {Int(id)} is already special token '{TextDisplay.Show(vocabulary.Specials[other].Text)}'";
        if (id < vocabulary.TokenBytes.Count && vocabulary.TokenBytes[id] is not null)
            return $"id {Int(id)} is already a vocabulary token";
        vocabulary.Specials.Add((text, id));
        vocabulary.SetBytes(id, bytes);
        return null;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Latin1(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        return new string(chars);
    }
}
