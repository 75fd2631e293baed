using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization;

/// <summary>
/// GPT-2's pattern (also r50k and p50k), as a scanner:
/// <c>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Gpt2PreTokenizer : PreTokenizer
{
    public static Gpt2PreTokenizer Instance { get; } = new();

    private Gpt2PreTokenizer() { }

    private enum Kind : byte { Letter, Number, Space, Other }

    private static Kind KindAt(ReadOnlySpan<char> text, int i, out int width)
    {
        int cp = CharClass.CodePointAt(text, i, out width);
        if (CharClass.IsLetter(cp)) return Kind.Letter;
        if (CharClass.IsNumber(cp)) return Kind.Number;
        if (CharClass.IsWhiteSpace(cp)) return Kind.Space;
        return Kind.Other;
    }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start)
    {
        int n = text.Length;
        char c = text[start];

        // 's|'t|'re|'ve|'m|'ll|'d (case-sensitive in GPT-2's pattern)
        if (c == '\'' && start + 1 < n)
        {
            char d = text[start + 1];
            if (d is 's' or 't' or 'm' or 'd') return 2;
            if (start + 2 < n)
            {
                char e = text[start + 2];
                if ((d == 'r' && e == 'e') || (d == 'v' && e == 'e') || (d == 'l' && e == 'l')) return 3;
            }
        }

        int i = start;
        Kind kind = KindAt(text, i, out int w);
        // " ?X+": a single space joins the run that follows it.
        if (c == ' ' && i + 1 < n)
        {
            Kind next = KindAt(text, i + 1, out int w2);
            if (next != Kind.Space)
            {
                kind = next;
                i += 1;
                w = w2;
            }
        }

        if (kind == Kind.Letter) return CharClass.SkipLetters(text, i + w) - start;
        if (kind != Kind.Space)
        {
            i += w;
            while (i < n && KindAt(text, i, out w) == kind) i += w;
            return i - start;
        }

        // \s+(?!\S)|\s+ : a whitespace run, leaving its last char to the token that follows when one does.
        i += w;
        int lastWidth = w;
        while (i < n && KindAt(text, i, out w) == Kind.Space)
        {
            i += w;
            lastWidth = w;
        }
        if (i < n && i - lastWidth > start) return i - lastWidth - start;
        return i - start;
    }
}
