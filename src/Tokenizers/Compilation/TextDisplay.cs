using System.Globalization;
using System.Text;

namespace Tokenizers.Compilation;

/// <summary>Shows text from a vocabulary file inside a diagnostic message: control characters escaped, long text shortened.</summary>
internal static class TextDisplay
{
    public const int MaxLength = 40;

    /// <summary>A number with thousands separators, the same in every culture.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Show(string? text, int maxLength = MaxLength)
    {
        if (text is null) return "";
        var sb = new StringBuilder(System.Math.Min(text.Length, maxLength) + 8);
        for (int i = 0; i < text.Length; i++)
        {
            if (i == maxLength)
            {
                sb.Append('…');
                break;
            }
            char c = text[i];
            if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && i + 1 < maxLength)
                sb.Append(c).Append(text[++i]);
            else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || char.IsSurrogate(c) || c == '\uFEFF' || c == '\u2028' || c == '\u2029')
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>"0x41 'A', 0x42 'B', …": the first few of a list of bytes, each with how the file would write it.</summary>
    public static string Bytes(System.Collections.Generic.IReadOnlyList<int> bytes, System.Func<int, string> written, int max = 8)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < bytes.Count && i < max; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append("0x").Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture)).Append(' ').Append(written(bytes[i]));
        }
        if (bytes.Count > max) sb.Append(", …");
        return sb.ToString();
    }
}
