using System.Collections.Generic;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator.Parsing;

/// <summary>Reads a word list: one token a line, the id is the line index. Blank lines may only trail the list.</summary>
internal static class WordListParser
{
    public static List<string>? Parse(VocabularyFile file, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        var words = new List<string>();
        var seen = new HashSet<string>();
        string text = file.Text!;
        int offset = 0, line = 0;
        TextPoint? blank = null;
        foreach (string raw in text.Split('\n'))
        {
            string word = raw.EndsWith("\r", System.StringComparison.Ordinal) ? raw.Substring(0, raw.Length - 1) : raw;
            var where = new TextPoint(offset, line, 0);
            offset += raw.Length + 1;
            line++;
            if (word.Length == 0)
            {
                blank ??= where;
                continue;
            }
            if (blank is { } gap)
            {
                // An empty line inside the list would shift every later id by one.
                Report(Diagnostics.InvalidWordList, gap, 1, file.Name, gap.Line + 1, gap.Column + 1, "an empty line, but tokens follow it; every line is a token and its index is its id");
                blank = null;
            }
            if (!seen.Add(word))
            {
                Report(Diagnostics.DuplicateToken, where, word.Length, file.Name, where.Line + 1, where.Column + 1, word);
                continue;
            }
            words.Add(word);
        }
        return diagnostics.Count > before ? null : words;

        void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextPoint at, int length, params object[] args)
            => diagnostics.Add(DiagnosticInfo.Create(descriptor, file.At(at, length), args));
    }
}
