using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// Reads a Hugging Face byte-level BPE vocabulary: vocab.json (token → id, keys in GPT-2's byte alphabet) and
/// merges.txt. A multi-character entry that no merge produces is a special token (GPT-2's &lt;|endoftext|&gt;).
/// Problems go to the list of the file they are in.
/// </summary>
internal static class HuggingFaceBpeParser
{
    public static BpeVocabulary? Parse(string vocabText, string mergesText, List<CompileError> vocabErrors, List<CompileError> mergesErrors,
        CancellationToken ct = default)
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
        var merges = new List<MergeEntry>();
        var mergeResults = ReadMerges(mergesText, idOf, merges, mergesErrors);
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

        return Rank(vocabulary, byteIds, idOf, merges, vocabErrors, ct) ? vocabulary : null;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Maps each merge result to its merge index; null after reporting a malformed file.</summary>
    private static Dictionary<string, int>? ReadMerges(string text, Dictionary<string, int> idOf, List<MergeEntry> merges, List<CompileError> errors)
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
            merges.Add(new MergeEntry(parts[0], parts[1], index, where));
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
    /// Ranks the tokens as a tokenizer.json's are (<see cref="HfMergeRanking"/>): by the merge that builds each under
    /// Hugging Face's rule (the listed adjacent pair with the lowest index), only tokens that rule can build. Where
    /// tiktoken's rule over those ranks agrees (GPT-2: ranks are ids) the backtracking encoder is exact; elsewhere
    /// the vocabulary carries Hugging Face's splits for the merge rule. False after reporting a token too long.
    /// </summary>
    private static bool Rank(BpeVocabulary vocabulary, int[] byteIds, Dictionary<string, int> idOf, List<MergeEntry> merges,
        List<CompileError> errors, CancellationToken ct)
    {
        int size = vocabulary.TokenBytes.Count;
        var modelBytes = new byte[]?[size];
        foreach (int id in byteIds) modelBytes[id] = vocabulary.TokenBytes[id];
        var map = new HfMergeMap(merges.Count);
        foreach (var m in merges)
        {
            int result = idOf[m.Left + m.Right];
            modelBytes[result] = vocabulary.TokenBytes[result];
            map.Add(idOf[m.Left], idOf[m.Right], m.Index, result);
        }
        var selfBuilt = new bool[size];
        var leftLength = new int[size];
        var mergeIndex = new int[size];
        map.FindLastMerges(modelBytes, byteIds, selfBuilt, leftLength, mergeIndex, ct);
        var ranking = HfMergeRanking.Rank(modelBytes, selfBuilt, leftLength, mergeIndex, out string? tooLong);
        if (ranking is null)
        {
            errors.Add(CompileError.InFile(CompileErrorCodes.TooLarge, tooLong!));
            return false;
        }
        var encoder = ranking.Decide(merges, new List<(byte[] Bytes, int Value)>(), out string summary, ct);
        vocabulary.Mergeable.AddRange(ranking.Ranked);
        if (encoder != HfBpeTableBuilder.Encoder.Backtracking)
        {
            vocabulary.MergeRuleSplits = ranking.Splits;
            vocabulary.MergeRuleSummary = summary;
        }
        return true;
    }
}
