using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Tokenizers.Cli.Conversion;

/// <summary>Formats and writes Hugging Face's byte-level BPE files: vocab.json and merges.txt.</summary>
public static class HuggingFaceWriter
{
    public const string MergesHeader = "#version: 0.2";

    /// <summary>
    /// vocab.json: one <c>"token": id</c> a line, in id order, non-ASCII as UTF-8, so diffs stay readable.
    /// </summary>
    /// <exception cref="InvalidDataException">A special token collides with a token or an id.</exception>
    public static string FormatVocab(RankFile ranks)
    {
        var entries = ranks.Ranks.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (KeyValuePair<string, int> special in ranks.SpecialTokens)
        {
            if (!entries.TryAdd(special.Key, special.Value))
            {
                throw new InvalidDataException($"special token '{special.Key}' is also a mergeable token");
            }
        }
        var builder = new StringBuilder(entries.Count * 16).Append("{\n");
        int previousId = -1;
        foreach (KeyValuePair<string, int> entry in entries.OrderBy(e => e.Value))
        {
            if (entry.Value == previousId)
            {
                throw new InvalidDataException($"id {entry.Value} is given to two tokens");
            }
            builder.Append(previousId < 0 ? "  " : ",\n  ");
            AppendJsonString(builder, entry.Key).Append(": ").Append(entry.Value.ToString(CultureInfo.InvariantCulture));
            previousId = entry.Value;
        }
        return builder.Append("\n}\n").ToString();
    }

    /// <summary>merges.txt: the version header, then <c>left right</c> a line in priority order.</summary>
    public static string FormatMerges(IEnumerable<Merge> merges)
    {
        var builder = new StringBuilder().Append(MergesHeader).Append('\n');
        foreach (Merge merge in merges)
        {
            builder.Append(merge.Left).Append(' ').Append(merge.Right).Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>Writes through a temporary file in the same folder and a rename, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, string content)
    {
        string fullPath = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            File.WriteAllText(temporary, content, ByteLevelAlphabet.Utf8NoBom);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static StringBuilder AppendJsonString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"');
    }
}
