using System.Globalization;
using System.Text;

namespace Tokenizers.Compilation.Json;

/// <summary>JSON string escapes: decoding what the parser has validated, and writing strings back.</summary>
internal static class JsonString
{
    /// <summary>Decodes the escapes of a string's content (between its quotes); the parser has checked them, surrogate pairs included.</summary>
    public static string Unescape(string text, int start, int length)
    {
        var sb = new StringBuilder(length);
        int end = start + length;
        for (int pos = start; pos < end; pos++)
        {
            char c = text[pos];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            char e = text[++pos];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    sb.Append((char)HexValue(text, pos + 1));
                    pos += 4;
                    break;
                default: sb.Append(e); break; // '"', '\\', '/'
            }
        }
        return sb.ToString();
    }

    /// <summary>The value of four hex digits at <paramref name="pos"/>, or -1.</summary>
    public static int HexValue(string text, int pos)
    {
        if (pos + 4 > text.Length) return -1;
        int value = 0;
        for (int i = pos; i < pos + 4; i++)
        {
            int digit = text[i] switch
            {
                >= '0' and <= '9' => text[i] - '0',
                >= 'a' and <= 'f' => text[i] - 'a' + 10,
                >= 'A' and <= 'F' => text[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return -1;
            value = (value << 4) | digit;
        }
        return value;
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string: quotes, backslashes and control characters escaped, the rest as is.</summary>
    public static void Write(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
