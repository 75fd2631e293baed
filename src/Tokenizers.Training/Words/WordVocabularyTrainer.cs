using System;
using System.Collections.Generic;
using System.IO;
using Tokenizers.Notebook;
using Tokenizers.WordLevel;

namespace Tokenizers.Training.Words;

/// <summary>
/// The notebook's word vocabulary: <c>sorted(set(token for token in re.split(pattern, text) if token.strip()))</c>,
/// then the special tokens appended (<c>&lt;|unk|&gt;</c>, <c>&lt;|endoftext|&gt;</c> gives its V2 vocabulary).
/// </summary>
public static class WordVocabularyTrainer
{
    public const string FileName = "words.txt";

    /// <param name="texts">The corpus.</param>
    /// <param name="specialTokens">Tokens appended after the sorted words.</param>
    /// <param name="alreadyWords">
    /// Receives the special tokens that are already words of the corpus. They keep their sorted place and are not
    /// appended again: the notebook's <c>vocab.extend</c> would list them twice, which a word list cannot (ids are
    /// lines), so every word keeps the notebook's id and only such a special token's id differs.
    /// </param>
    /// <exception cref="ArgumentException">A special token is empty, spans lines, or is given twice.</exception>
    public static List<string> Train(IEnumerable<string> texts, IReadOnlyList<string> specialTokens, List<string>? alreadyWords = null)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (string text in texts)
        {
            int position = 0;
            while (NotebookWordSplitter.TryNextWord(text, ref position, out int start, out int length))
                distinct.Add(text.Substring(start, length));
        }
        var words = new List<string>(distinct);
        words.Sort(CodePointComparer.Instance);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (string special in specialTokens)
        {
            if (special.Length == 0 || special.IndexOfAny(['\n', '\r']) >= 0) throw new ArgumentException("a special token must be a non-empty single line");
            if (!given.Add(special)) throw new ArgumentException($"special token '{special}' is given twice");
            if (distinct.Contains(special)) alreadyWords?.Add(special);
            else words.Add(special);
        }
        return words;
    }

    /// <summary>Writes <c>words.txt</c> (one token a line) into <paramref name="directory"/>, through a temporary file and a rename.</summary>
    public static string Write(IReadOnlyList<string> words, string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, words.Count == 0 ? "" : string.Join("\n", words) + "\n");
        return path;
    }
}
