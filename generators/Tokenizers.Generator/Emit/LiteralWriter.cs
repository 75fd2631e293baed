using System.Globalization;
using System.Text;

namespace Tokenizers.Generator.Emit;

/// <summary>
/// Writes packed data as a C# string literal, wrapped over lines. Most chars are written as themselves so the source stays about
/// the size of the data; only chars a literal cannot hold or that editors mangle are escaped.
/// </summary>
internal static class LiteralWriter
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Whether each UTF-16 unit needs an escape, decided once: a big table writes millions of chars.</summary>
    private static readonly bool[] s_escaped = BuildEscapeTable();

    /// <summary>
    /// Source chars a line of a literal holds at most (plus one escape): a long table is written as literals joined by
    /// <c>+</c>, one a line, so that an editor can open the file (o200k's tables were one 3.4 MB line). The compiler
    /// folds the constant concatenation into one string, so the assembly's string heap holds the same single literal
    /// that Tokenizers.Data.ConstantTable finds by its key.
    /// </summary>
    public const int LineWidth = 2000;

    public static void Write(StringBuilder sb, string data)
    {
        sb.Append('"');
        int lineStart = sb.Length;
        foreach (char c in data)
        {
            if (sb.Length - lineStart >= LineWidth)
            {
                sb.Append("\"\n        + \"");
                lineStart = sb.Length;
            }
            if (s_escaped[c])
                sb.Append('\\').Append('u').Append(HexDigits[c >> 12]).Append(HexDigits[(c >> 8) & 0xF]).Append(HexDigits[(c >> 4) & 0xF]).Append(HexDigits[c & 0xF]);
            else sb.Append(c);
        }
        sb.Append('"');
    }

    /// <summary>
    /// Writes text as a verbatim literal (<c>@"…"</c>, quotes doubled) when every char can stand as itself, so JSON stays
    /// readable; otherwise as <see cref="Write"/> does.
    /// </summary>
    public static void WriteReadable(StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            if (c != '"' && c != '\\' && s_escaped[c])
            {
                Write(sb, text);
                return;
            }
        }
        sb.Append("@\"").Append(text.Replace("\"", "\"\"")).Append('"');
    }

    private static bool[] BuildEscapeTable()
    {
        var table = new bool[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++) table[c] = NeedsEscape((char)c);
        return table;
    }

    private static bool NeedsEscape(char c)
        => c < 0x20 || c == '"' || c == '\\' || (c >= 0x7F && c <= 0xA0) || c == 0xAD
           || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || (c >= 0xFFF0)
           || c == '\uFEFF' || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F)
           || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format or UnicodeCategory.PrivateUse
               or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;
}
