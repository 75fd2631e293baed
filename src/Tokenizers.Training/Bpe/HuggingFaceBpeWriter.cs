using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Tokenizers.Training.Bpe;

/// <summary>
/// Writes a <see cref="TrainedBpe"/> as Hugging Face byte-level BPE files: vocab.json (token → id, tokens in GPT-2's
/// byte alphabet, special tokens as their text) and merges.txt (<c>#version: 0.2</c>, then <c>left right</c> a line).
/// </summary>
public static class HuggingFaceBpeWriter
{
    public const string VocabFileName = "vocab.json";
    public const string MergesFileName = "merges.txt";

    /// <summary>Writes both files into <paramref name="directory"/> (created if needed), each through a temporary file and a rename.</summary>
    public static void Write(TrainedBpe bpe, string directory)
    {
        Directory.CreateDirectory(directory);
        string vocab = FormatVocab(bpe), merges = FormatMerges(bpe);
        AtomicFile.WriteAllText(Path.Combine(directory, VocabFileName), vocab);
        AtomicFile.WriteAllText(Path.Combine(directory, MergesFileName), merges);
    }

    /// <summary>One <c>"token": id</c> a line, in id order, non-ASCII as UTF-8 so diffs stay readable.</summary>
    /// <exception cref="InvalidDataException">A special token's text is also the spelling of a learned token.</exception>
    public static string FormatVocab(TrainedBpe bpe)
    {
        var seen = new HashSet<string>();
        var sb = new StringBuilder(bpe.VocabularySize * 12).Append("{\n");
        for (int id = 0; id < bpe.VocabularySize; id++)
        {
            string key = id < bpe.Tokens.Count ? ByteLevelAlphabet.Encode(bpe.Tokens[id]) : bpe.SpecialTokens[id - bpe.Tokens.Count];
            if (!seen.Add(key))
                throw new InvalidDataException($"special token '{key}' is spelled like a learned token; pick another text for it");
            sb.Append(id == 0 ? "  " : ",\n  ");
            AppendJsonString(sb, key).Append(": ").Append(id.ToString(CultureInfo.InvariantCulture));
        }
        return sb.Append("\n}\n").ToString();
    }

    public static string FormatMerges(TrainedBpe bpe)
    {
        var sb = new StringBuilder(bpe.Merges.Count * 10).Append("#version: 0.2\n");
        foreach (BpeMerge merge in bpe.Merges)
            sb.Append(ByteLevelAlphabet.Encode(bpe.Tokens[merge.Left])).Append(' ').Append(ByteLevelAlphabet.Encode(bpe.Tokens[merge.Right])).Append('\n');
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
