using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Tokenizers.Compilation;

/// <summary>
/// Reads a Hugging Face byte-level BPE vocabulary: vocab.json (token → id, keys in GPT-2's byte alphabet) and
/// merges.txt. A multi-character entry that no merge produces is a special token (GPT-2's &lt;|endoftext|&gt;).
/// Problems go to the list of the file they are in.
/// </summary>
internal static class HuggingFaceBpeParser
{
    public static BpeVocabulary? Parse(string vocabText, string mergesText, List<CompileError> vocabErrors, List<CompileError> mergesErrors)
    {
        int before = vocabErrors.Count + mergesErrors.Count;
        var entries = JsonVocabularyReader.Read(vocabText, out var jsonError);
        if (jsonError is not null)
        {
            vocabErrors.Add(jsonError);
            return null;
        }

        var idOf = new Dictionary<string, int>(entries.Count);
        var keyOfId = new Dictionary<int, string>(entries.Count);
        foreach (var e in entries)
        {
            if (e.Key.Length == 0)
            {
                vocabErrors.Add(new(CompileErrorCodes.InvalidToken, $"the empty string (id {Int(e.Id)}) is not a token", null, e.Where, e.Length));
                continue;
            }
            if (e.Id > BpeVocabulary.MaxTokenId)
            {
                vocabErrors.Add(new(CompileErrorCodes.TooLarge,
                    $"id {TextDisplay.Number(e.Id)} is above {TextDisplay.Number(BpeVocabulary.MaxTokenId)}, the largest id the generated layout supports", null, e.IdWhere, e.IdLength));
                continue;
            }
            if (idOf.ContainsKey(e.Key))
            {
                vocabErrors.Add(new(CompileErrorCodes.DuplicateToken, $"token '{TextDisplay.Show(e.Key)}' appears more than once", null, e.Where, e.Length));
                continue;
            }
            if (keyOfId.TryGetValue(e.Id, out var other))
            {
                vocabErrors.Add(new(CompileErrorCodes.DuplicateId, $"id {Int(e.Id)} is used by '{TextDisplay.Show(other)}' and '{TextDisplay.Show(e.Key)}'", null, e.IdWhere, e.IdLength));
                continue;
            }
            idOf.Add(e.Key, e.Id);
            keyOfId.Add(e.Id, e.Key);
        }

        // Merges checked against a broken vocabulary would only repeat its errors.
        if (vocabErrors.Count + mergesErrors.Count > before) return null;
        var mergeResults = ReadMerges(mergesText, idOf, mergesErrors);
        if (vocabErrors.Count + mergesErrors.Count > before || mergeResults is null) return null;

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
        {
            vocabErrors.Add(CompileError.InFile(CompileErrorCodes.MissingByteAlphabet, $"the vocabulary has no token for {Int(missing.Count)} of the 256 bytes ("
                + TextDisplay.Bytes(missing, b => $"'{TextDisplay.Show(ByteLevelAlphabet.ToChar((byte)b).ToString())}'") + "); byte-level BPE needs all 256"));
            return null;
        }

        AssignRanks(vocabulary, byteIds, entries, mergeResults);
        return vocabulary;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Maps each merge result to its merge index; null after reporting a malformed file.</summary>
    private static Dictionary<string, int>? ReadMerges(string text, Dictionary<string, int> idOf, List<CompileError> errors)
    {
        int before = errors.Count;
        var results = new Dictionary<string, int>();
        int lineNo = 0, offset = 0, index = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            var where = new SourcePoint(offset, lineNo, 0);
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

            bool Known(string token, string role, SourcePoint at, int column)
            {
                if (idOf.ContainsKey(token)) return true;
                var point = new SourcePoint(at.Offset + column, at.Line, column);
                errors.Add(new(CompileErrorCodes.UnknownMergePart, $"{role} '{TextDisplay.Show(token)}' of merge '{TextDisplay.Show(line)}' is not in the vocabulary",
                    null, point, role == "result" ? line.Length : token.Length));
                return false;
            }

            // A part outside GPT-2's byte alphabet (a special token, say) has no bytes to merge.
            bool ByteLevel(string token, int column)
            {
                if (ByteLevelAlphabet.TryDecode(token, out _)) return true;
                Malformed(new SourcePoint(where.Offset + column, where.Line, column), token.Length, $"'{TextDisplay.Show(token)}' is not byte-level text (GPT-2's byte-to-unicode alphabet), so it cannot be merged");
                return false;
            }
        }
        return errors.Count > before ? null : results;

        void Malformed(SourcePoint at, int length, string message)
        {
            errors.Add(new(CompileErrorCodes.MalformedMerge, message, null, at, length));
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
