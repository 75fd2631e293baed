using System.Text;
using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>Text that .NET's regex can read as code points: each astral code point (or lone surrogate) becomes one BMP char.</summary>
internal static class StandInText
{
    /// <summary>
    /// The copy, with <paramref name="offsets"/>[k] where the k-th char of the copy starts in <paramref name="text"/>
    /// (and text.Length last). <paramref name="standIn"/> gets the code point (U+FFFD for a lone surrogate).
    /// </summary>
    public static string Copy(string text, Func<int, char> standIn, out List<int> offsets)
    {
        var copy = new StringBuilder(text.Length);
        offsets = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length;)
        {
            offsets.Add(i);
            int cp = CharClass.CodePointAt(text, i, out int width);
            copy.Append(char.IsSurrogate(text[i]) ? standIn(cp) : text[i]);
            i += width;
        }
        offsets.Add(text.Length);
        return copy.ToString();
    }
}
