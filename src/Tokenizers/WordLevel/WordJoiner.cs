using System;
using System.Buffers;
using Tokenizers.Notebook;

namespace Tokenizers.WordLevel;

/// <summary>
/// The notebook's decode: <c>' '.join(tokens)</c>, then <c>re.sub(r'\s+([,.?_!"()\']|--)', r'\1', text)</c>, which
/// takes out the whitespace before punctuation that the join put there.
/// </summary>
internal static class WordJoiner
{
    /// <summary>Removes every whitespace run that is directly followed by a separator, in place; returns the new length.</summary>
    public static int RemoveSpaceBeforePunctuation(Span<char> text)
    {
        int write = 0, read = 0;
        while (read < text.Length)
        {
            if (!PythonWhitespace.IsWhitespace(text[read]))
            {
                text[write++] = text[read++];
                continue;
            }
            int runEnd = read + 1;
            while (runEnd < text.Length && PythonWhitespace.IsWhitespace(text[runEnd])) runEnd++;
            bool beforeSeparator = runEnd < text.Length && NotebookWordSplitter.SeparatorLength(text, runEnd) > 0;
            if (!beforeSeparator)
                while (read < runEnd) text[write++] = text[read++];
            read = runEnd;
        }
        return write;
    }

    /// <summary>Joins with single spaces and applies the fix-up; the result is a new string.</summary>
    public static string Join(WordLevelModel model, System.Collections.Generic.IEnumerable<int> ids)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(256);
        int length = 0;
        try
        {
            bool first = true;
            foreach (int id in ids)
            {
                ReadOnlySpan<char> token = model.TokenSpan(id);
                int needed = length + token.Length + 1;
                if (needed > buffer.Length)
                {
                    char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = bigger;
                }
                if (!first) buffer[length++] = ' ';
                token.CopyTo(buffer.AsSpan(length));
                length += token.Length;
                first = false;
            }
            length = RemoveSpaceBeforePunctuation(buffer.AsSpan(0, length));
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
