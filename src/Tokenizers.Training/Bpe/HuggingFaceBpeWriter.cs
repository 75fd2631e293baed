using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Tokenizers.Training.Bpe;

/// <summary>
/// Writes Hugging Face byte-level BPE files: vocab.json (token → id, tokens in GPT-2's byte alphabet, special tokens
/// as their text) and merges.txt (<c>#version: 0.2</c>, then <c>left right</c> a line).
/// </summary>
public static class HuggingFaceBpeWriter
{
    public const string VocabFileName = "vocab.json";
    public const string MergesFileName = "merges.txt";
    public const string MergesHeader = "#version: 0.2";

    /// <summary>Writes both files into <paramref name="directory"/> (created if needed) as a set (<see cref="AtomicFileSet"/>).</summary>
    public static void Write(TrainedBpe bpe, string directory) => Write(FormatVocab(bpe), FormatMerges(bpe), directory);

    /// <summary>
    /// Writes formatted vocab.json and merges.txt text into <paramref name="directory"/> (created if needed) as a set: a
    /// failure leaves both old files, never one new and one old (<see cref="AtomicFileSet"/>).
    /// </summary>
    public static void Write(string vocabJson, string mergesText, string directory) =>
        AtomicFileSet.Write(directory, [(VocabFileName, vocabJson), (MergesFileName, mergesText)]);

    /// <exception cref="InvalidDataException">A special token's text is also the spelling of a learned token.</exception>
    public static string FormatVocab(TrainedBpe bpe)
    {
        var seen = new HashSet<string>();
        var entries = new (string Token, int Id)[bpe.VocabularySize];
        for (int id = 0; id < bpe.VocabularySize; id++)
        {
            string key = id < bpe.Tokens.Count ? ByteLevelAlphabet.Encode(bpe.Tokens[id]) : bpe.SpecialTokens[id - bpe.Tokens.Count];
            if (!seen.Add(key))
                throw new InvalidDataException($"special token '{key}' is spelled like a learned token; pick another text for it");
            entries[id] = (key, id);
        }
        return FormatVocab(entries);
    }

    public static string FormatMerges(TrainedBpe bpe) =>
        FormatMerges(bpe.Merges.Select(m => (ByteLevelAlphabet.Encode(bpe.Tokens[m.Left]), ByteLevelAlphabet.Encode(bpe.Tokens[m.Right]))));

    /// <summary>
    /// vocab.json: one <c>"token": id</c> a line, in id order, non-ASCII as UTF-8 so diffs stay readable.
    /// Tokens are written as given (byte-level strings or special tokens' text); the caller keeps them distinct.
    /// </summary>
    /// <exception cref="InvalidDataException">Two entries have the same id.</exception>
    public static string FormatVocab(IEnumerable<(string Token, int Id)> entries)
    {
        var sb = new StringBuilder().Append("{\n");
        int previousId = -1;
        bool first = true;
        foreach ((string token, int id) in entries.OrderBy(e => e.Id))
        {
            if (!first && id == previousId)
                throw new InvalidDataException($"id {id} is given to two tokens");
            sb.Append(first ? "  " : ",\n  ");
            AppendJsonString(sb, token).Append(": ").Append(id.ToString(CultureInfo.InvariantCulture));
            previousId = id;
            first = false;
        }
        return sb.Append("\n}\n").ToString();
    }

    /// <summary>merges.txt: the version header, then <c>left right</c> a line in priority order; tokens in GPT-2's byte alphabet.</summary>
    public static string FormatMerges(IEnumerable<(string Left, string Right)> merges)
    {
        var sb = new StringBuilder().Append(MergesHeader).Append('\n');
        foreach ((string left, string right) in merges)
            sb.Append(left).Append(' ').Append(right).Append('\n');
        return sb.ToString();
    }

    private static StringBuilder AppendJsonString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"');
    }
}
