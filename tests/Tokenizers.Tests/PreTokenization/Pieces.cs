using System.Text;
using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

internal static class Pieces
{
    public static List<string> Split(PreTokenizer scanner, string text)
    {
        var pieces = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            int length = scanner.NextPieceLength(text, i);
            Assert.InRange(length, 1, text.Length - i);
            pieces.Add(text.Substring(i, length));
            i += length;
        }
        return pieces;
    }

    /// <summary>The scanner's pieces for a failure message: never throws, and marks where the scanner went wrong.</summary>
    public static string ShowSplit(PreTokenizer scanner, string text)
    {
        var pieces = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            int length;
            try
            {
                length = scanner.NextPieceLength(text, i);
            }
            catch (Exception e)
            {
                pieces.Add($"<{e.GetType().Name} at {i}>");
                break;
            }
            if (length < 1 || length > text.Length - i)
            {
                pieces.Add($"<length {length} at {i}>");
                break;
            }
            pieces.Add(Escape(text.Substring(i, length)));
            i += length;
        }
        return "[" + string.Join(", ", pieces) + "]";
    }

    /// <summary>C#-style literal with every char outside printable ASCII escaped, so failures show what they are.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c is >= ' ' and < '\u007F') sb.Append(c);
            else sb.Append($"\\u{(int)c:X4}");
        }
        return sb.Append('"').ToString();
    }

    public static string Show(IEnumerable<string> pieces) => "[" + string.Join(", ", pieces.Select(Escape)) + "]";
}
