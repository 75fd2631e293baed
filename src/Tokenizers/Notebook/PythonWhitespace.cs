using System.Runtime.CompilerServices;

namespace Tokenizers.Notebook;

/// <summary>
/// Python's whitespace (<c>str.isspace</c>, and <c>\s</c> in <c>re</c> str patterns), which the notebook's split,
/// strip and decode use: .NET's <see cref="char.IsWhiteSpace(char)"/> plus the separators U+001C–U+001F.
/// </summary>
public static class PythonWhitespace
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhitespace(char c)
        => c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F') : char.IsWhiteSpace(c);

    /// <summary>True when <paramref name="text"/> is empty or all whitespace (Python's <c>not text.strip()</c>).</summary>
    public static bool IsBlank(System.ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (!IsWhitespace(c)) return false;
        return true;
    }
}
