using System;
using System.Collections.Generic;
using Tokenizers.PreTokenization;

namespace Tokenizers.Streaming;

/// <summary>
/// Where a text may be cut so that encoding the two parts gives exactly the ids of encoding the whole.
/// </summary>
/// <remarks>
/// <para>
/// The gpt2, cl100k and o200k patterns have no look-behind, so the scan that starts at a piece boundary sees only what
/// follows it; a cut is safe when (1) the whole-text scan has a piece boundary there and (2) no piece before it decided
/// anything from the text after it. Both hold between the code points x and y when:
/// </para>
/// <list type="bullet">
/// <item>x is not white space and y is white space other than CR and LF: no branch of any of the three patterns
/// continues a non-space with a space (only punctuation takes a trailing <c>[\r\n]*</c>, and, in o200k, <c>/</c>);
/// and a piece ending in x ends there whether y or the end of the text follows;</item>
/// <item>x is a letter or a number and y is CR or LF;</item>
/// <item>x is a letter and y is a number, or a symbol or punctuation other than an apostrophe (contractions such as
/// <c>'s</c> join the word before them in o200k), or x is a number and y is a letter or such a symbol: letters and
/// numbers are separate runs in every pattern, and a number is never the optional prefix of a word.</item>
/// </list>
/// <para>
/// Not after white space (<c>\s+(?!\S)</c> and <c>\s*[\r\n]+</c> look arbitrarily far ahead), not after a mark
/// (cl100k puts marks with the punctuation that follows), and never inside a surrogate pair. Special tokens: no
/// occurrence of any special token may straddle the cut, so that the leftmost-first search finds the same matches.
/// </para>
/// </remarks>
internal static class StreamCut
{
    /// <summary>Whether <paramref name="preTokenizer"/>'s pattern is one whose safe cuts <see cref="IsSafe"/> knows.</summary>
    public static bool Supports(PreTokenizer preTokenizer) =>
        preTokenizer is Gpt2PreTokenizer or Cl100kPreTokenizer or O200kPreTokenizer;

    /// <summary>
    /// Whether cutting <paramref name="text"/> before index <paramref name="cut"/> is safe. Needs the code points on
    /// both sides in full: <paramref name="cut"/> in [1, text.Length - 2] covers a surrogate pair after the cut.
    /// </summary>
    public static bool IsSafe(ReadOnlySpan<char> text, int cut, IReadOnlyList<string> specialTokens)
    {
        if (cut <= 0 || cut >= text.Length) return false;
        char before = text[cut - 1], after = text[cut];
        if (char.IsHighSurrogate(before) && char.IsLowSurrogate(after)) return false;

        int xCp = before;
        if (char.IsSurrogate(before))
            xCp = char.IsLowSurrogate(before) && cut >= 2 && char.IsHighSurrogate(text[cut - 2])
                ? char.ConvertToUtf32(text[cut - 2], before)
                : 0xFFFD;
        int yCp = CharClass.CodePointAt(text, cut, out _);
        Cls x = CharClass.Classify(xCp), y = CharClass.Classify(yCp);

        bool safe;
        if ((x & Cls.WhiteSpace) != 0) safe = false;
        else if (y == Cls.Space) safe = true;
        else if (y == Cls.Newline) safe = (x & (Cls.Letter | Cls.Number)) != 0;
        else if ((x & Cls.Letter) != 0) safe = y == Cls.Number || (y == Cls.Other && yCp != '\'');
        else if (x == Cls.Number) safe = (y & Cls.Letter) != 0 || (y == Cls.Other && yCp != '\'');
        else safe = false;
        return safe && !InsideSpecialToken(text, cut, specialTokens);
    }

    /// <summary>Whether some special token's text starts before <paramref name="cut"/> and ends after it.</summary>
    private static bool InsideSpecialToken(ReadOnlySpan<char> text, int cut, IReadOnlyList<string> specialTokens)
    {
        foreach (string token in specialTokens)
        {
            for (int k = 1; k < token.Length; k++)
            {
                int start = cut - k;
                if (start < 0) break;
                if (start + token.Length <= text.Length && text.Slice(start, token.Length).SequenceEqual(token.AsSpan())) return true;
            }
        }
        return false;
    }
}
