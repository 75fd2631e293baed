using System.Collections.Generic;
using System.Text;
using Tokenizers.Compilation;
using Tokenizers.Generator.Building;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator.Parsing;

/// <summary>
/// Reads a Hugging Face byte-level BPE vocabulary: vocab.json (token → id, keys in GPT-2's byte alphabet) and
/// merges.txt. A multi-character entry that no merge produces is a special token (GPT-2's &lt;|endoftext|&gt;).
/// </summary>
internal static class HuggingFaceBpeParser
{
    public static BpeVocabulary? Parse(VocabularyFile vocab, VocabularyFile merges, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        var entries = JsonVocabularyReader.Read(vocab.Text!, out var jsonError);
        if (jsonError is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidJson, vocab.At(jsonError.Where), vocab.Name, jsonError.Where.Line + 1, jsonError.Where.Column + 1, jsonError.Message));
            return null;
        }

        var idOf = new Dictionary<string, int>(entries.Count);
        var keyOfId = new Dictionary<int, string>(entries.Count);
        foreach (var e in entries)
        {
            if (e.Key.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidToken, vocab.At(e.Where, e.Length), vocab.Name, e.Where.Line + 1, e.Where.Column + 1, $"the empty string (id {e.Id}) is not a token"));
                continue;
            }
            if (e.Id > TokenizerCompiler.MaxTokenId)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, vocab.At(e.IdWhere, e.IdLength), vocab.NameAt(e.IdWhere),
                    $"id {TextDisplay.Number(e.Id)} is above {TextDisplay.Number(TokenizerCompiler.MaxTokenId)}, the largest id the generated layout supports"));
                continue;
            }
            if (idOf.ContainsKey(e.Key))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateToken, vocab.At(e.Where, e.Length), vocab.Name, e.Where.Line + 1, e.Where.Column + 1, TextDisplay.Show(e.Key)));
                continue;
            }
            if (keyOfId.TryGetValue(e.Id, out var other))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateId, vocab.At(e.IdWhere, e.IdLength), vocab.Name, e.IdWhere.Line + 1, e.IdWhere.Column + 1, e.Id, TextDisplay.Show(other), TextDisplay.Show(e.Key)));
                continue;
            }
            idOf.Add(e.Key, e.Id);
            keyOfId.Add(e.Id, e.Key);
        }

        // Merges checked against a broken vocabulary would only repeat its errors.
        if (diagnostics.Count > before) return null;
        var mergeResults = ReadMerges(merges, idOf, diagnostics);
        if (diagnostics.Count > before || mergeResults is null) return null;

        var vocabulary = new BpeVocabulary();
        var byteIds = new int[256];
        for (int i = 0; i < 256; i++) byteIds[i] = -1;
        foreach (var e in entries)
        {
            bool merged = mergeResults.ContainsKey(e.Key);
            if (e.Key.Length == 1 && ByteLevelAlphabet.TryDecode(e.Key, out var single))
            {
                byteIds[single[0]] = e.Id;
                vocabulary.SetBytes(e.Id, single);
            }
            else if (merged && ByteLevelAlphabet.TryDecode(e.Key, out var bytes))
            {
                vocabulary.SetBytes(e.Id, bytes);
            }
            else
            {
                vocabulary.Specials.Add((e.Key, e.Id));
                vocabulary.SetBytes(e.Id, Encoding.UTF8.GetBytes(e.Key));
            }
        }
        var missing = new List<int>();
        for (int b = 0; b < 256; b++)
            if (byteIds[b] < 0) missing.Add(b);
        if (missing.Count > 0)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingByteAlphabet, vocab.AtStart(), vocab.Name, missing.Count,
                TextDisplay.Bytes(missing, b => $"'{TextDisplay.Show(ByteLevelAlphabet.ToChar((byte)b).ToString())}'")));
        if (diagnostics.Count > before) return null;

        AssignRanks(vocabulary, byteIds, entries, mergeResults);
        return vocabulary;
    }

    /// <summary>Maps each merge result to its merge index; null after reporting a malformed file.</summary>
    private static Dictionary<string, int>? ReadMerges(VocabularyFile merges, Dictionary<string, int> idOf, List<DiagnosticInfo> diagnostics)
    {
        var results = new Dictionary<string, int>();
        string text = merges.Text!;
        int lineNo = 0, offset = 0, index = 0;
        bool errors = false;
        foreach (var rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            var where = new TextPoint(offset, lineNo, 0);
            offset += rawLine.Length + 1;
            lineNo++;
            if (lineNo == 1 && line.StartsWith("#version", System.StringComparison.Ordinal))
            {
                // Hugging Face writes "#version: 0.2", sometimes followed by " - Trained by huggingface/tokenizers".
                string header = line.TrimEnd();
                if (header != "#version: 0.2" && !header.StartsWith("#version: 0.2 ", System.StringComparison.Ordinal))
                    Malformed(where, line.Length, $"unsupported header '{TextDisplay.Show(line)}', expected '#version: 0.2'");
                continue;
            }
            if (line.Length == 0) continue;
            string[] parts = line.Split(' ');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                Malformed(where, line.Length, $"expected 'left right', found '{TextDisplay.Show(line)}'");
                continue;
            }
            string result = parts[0] + parts[1];
            if (!Known(parts[0], "left part", where, 0) | !Known(parts[1], "right part", where, parts[0].Length + 1) | !Known(result, "result", where, 0))
                continue;
            if (!ByteLevel(parts[0], 0) | !ByteLevel(parts[1], parts[0].Length + 1)) continue;
            if (!results.ContainsKey(result)) results.Add(result, index);
            index++;

            bool Known(string token, string role, TextPoint at, int column)
            {
                if (idOf.ContainsKey(token)) return true;
                var point = new TextPoint(at.Offset + column, at.Line, column);
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownMergePart, merges.At(point, role == "result" ? line.Length : token.Length), merges.Name, point.Line + 1, point.Column + 1, role, TextDisplay.Show(token), TextDisplay.Show(line)));
                errors = true;
                return false;
            }

            // A part outside GPT-2's byte alphabet (a special token, say) has no bytes to merge.
            bool ByteLevel(string token, int column)
            {
                if (ByteLevelAlphabet.TryDecode(token, out _)) return true;
                Malformed(new TextPoint(where.Offset + column, where.Line, column), token.Length, $"'{TextDisplay.Show(token)}' is not byte-level text (GPT-2's byte-to-unicode alphabet), so it cannot be merged");
                return false;
            }
        }
        return errors ? null : results;

        void Malformed(TextPoint at, int length, string message)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MalformedMerge, merges.At(at, length), merges.Name, at.Line + 1, at.Column + 1, message));
            errors = true;
        }
    }

    /// <summary>
    /// Ranks order merges. GPT-2's ids already follow merge order (bytes first), so its ranks are its ids; any other
    /// vocabulary gets bytes 0–255, then merge order, and a rank-to-id table.
    /// </summary>
    private static void AssignRanks(BpeVocabulary vocabulary, int[] byteIds, List<JsonEntry> entries, Dictionary<string, int> mergeResults)
    {
        var merged = new List<(string Key, int Id, int MergeIndex)>();
        foreach (var e in entries)
            if (e.Key.Length > 1 && mergeResults.TryGetValue(e.Key, out int m)) merged.Add((e.Key, e.Id, m));
        merged.Sort((a, b) => a.MergeIndex.CompareTo(b.MergeIndex));

        int maxByteId = 0;
        foreach (int id in byteIds) if (id > maxByteId) maxByteId = id;
        bool idsFollowMerges = true;
        int previous = maxByteId;
        foreach (var t in merged)
        {
            if (t.Id <= previous) idsFollowMerges = false;
            previous = t.Id;
        }

        var sortedBytes = new List<int>(byteIds);
        sortedBytes.Sort();
        for (int b = 0; b < 256; b++)
        {
            int id = byteIds[b];
            int rank = idsFollowMerges ? id : sortedBytes.IndexOf(id);
            vocabulary.Mergeable.Add((vocabulary.TokenBytes[id]!, rank, id));
        }
        for (int i = 0; i < merged.Count; i++)
        {
            var t = merged[i];
            vocabulary.Mergeable.Add((vocabulary.TokenBytes[t.Id]!, idsFollowMerges ? t.Id : 256 + i, t.Id));
        }
    }
}
