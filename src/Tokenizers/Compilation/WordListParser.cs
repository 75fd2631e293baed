using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>Reads a word list: one token a line, the id is the line index. Blank lines may only trail the list.</summary>
internal static class WordListParser
{
    public static List<string>? Parse(string text, List<CompileError> errors)
    {
        int before = errors.Count;
        var words = new List<string>();
        var seen = new HashSet<string>();
        int offset = 0, line = 0;
        SourcePoint? blank = null;
        foreach (string raw in text.Split('\n'))
        {
            string word = raw.EndsWith("\r", System.StringComparison.Ordinal) ? raw.Substring(0, raw.Length - 1) : raw;
            var where = new SourcePoint(offset, line, 0);
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
                errors.Add(new(CompileErrorCodes.InvalidWordList, "an empty line, but tokens follow it; every line is a token and its index is its id", null, gap));
                blank = null;
            }
            if (!seen.Add(word))
            {
                errors.Add(new(CompileErrorCodes.DuplicateToken, $"token '{word}' appears more than once", null, where, word.Length));
                continue;
            }
            words.Add(word);
        }
        return errors.Count > before ? null : words;
    }
}
