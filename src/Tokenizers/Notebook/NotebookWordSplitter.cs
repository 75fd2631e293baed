using System;
using System.Runtime.CompilerServices;

namespace Tokenizers.Notebook;

/// <summary>
/// The notebook's split, <c>re.split(r'([,.?_!"()\']|--|\s)', text)</c> keeping only pieces with non-whitespace,
/// as an allocation-free scanner: separators <c>, . ? _ ! " ( ) '</c> and <c>--</c> are words of their own,
/// whitespace separates and is dropped, and everything between separators is a word.
/// </summary>
public static class NotebookWordSplitter
{
    /// <summary>The notebook's pattern, in .NET and Python syntax alike.</summary>
    public const string Pattern = "([,.?_!\"()']|--|\\s)";

    /// <summary>
    /// Finds the next word at or after <paramref name="position"/> and moves <paramref name="position"/> past it.
    /// </summary>
    /// <returns>False when only whitespace is left.</returns>
    public static bool TryNextWord(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        int i = position;
        while (i < text.Length && PythonWhitespace.IsWhitespace(text[i])) i++;
        start = i;
        if (i == text.Length)
        {
            position = i;
            length = 0;
            return false;
        }
        int separator = SeparatorLength(text, i);
        if (separator == 0)
        {
            i++;
            while (i < text.Length && !PythonWhitespace.IsWhitespace(text[i]) && SeparatorLength(text, i) == 0) i++;
        }
        else
        {
            i += separator;
        }
        length = i - start;
        position = i;
        return true;
    }

    /// <summary>Length of the punctuation separator at <paramref name="i"/> (1 or 2 for <c>--</c>), 0 if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SeparatorLength(ReadOnlySpan<char> text, int i)
    {
        switch (text[i])
        {
            case ',': case '.': case '?': case '_': case '!': case '"': case '(': case ')': case '\'':
                return 1;
            case '-':
                return i + 1 < text.Length && text[i + 1] == '-' ? 2 : 0;
            default:
                return 0;
        }
    }
}
