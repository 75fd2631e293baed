using System.Globalization;
using System.Text;

namespace Tokenizers.Generator.Emit;

/// <summary>
/// Writes packed data as one C# string literal. Most chars are written as themselves so the source stays about
/// the size of the data; only chars a literal cannot hold or that editors mangle are escaped.
/// </summary>
internal static class LiteralWriter
{
    public static void Write(StringBuilder sb, string data)
    {
        sb.Append('"');
        foreach (char c in data)
        {
            if (NeedsEscape(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
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
            if (c != '"' && c != '\\' && NeedsEscape(c))
            {
                Write(sb, text);
                return;
            }
        }
        sb.Append("@\"").Append(text.Replace("\"", "\"\"")).Append('"');
    }

    private static bool NeedsEscape(char c)
        => c < 0x20 || c == '"' || c == '\\' || (c >= 0x7F && c <= 0xA0) || c == 0xAD
           || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || (c >= 0xFFF0)
           || c == '\uFEFF' || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F)
           || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format or UnicodeCategory.PrivateUse
               or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;
}
