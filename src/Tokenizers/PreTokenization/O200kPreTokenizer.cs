using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization;

/// <summary>
/// o200k_base's pattern as a scanner, with U = <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>, L = <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c>,
/// P = <c>[^\r\n\p{L}\p{N}]</c> and C = <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)</c>:
/// <c>P?U*L+C?|P?U+L*C?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// Branches are tried in order, each first with the optional prefix and then without it, as a backtracking regex does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class O200kPreTokenizer : PreTokenizer
{
    public static O200kPreTokenizer Instance { get; } = new();

    private O200kPreTokenizer() { }

    public override int NextPieceLength(ReadOnlySpan<char> text, int start) => NextPieceLength<Rules>(text, start);

    /// <summary>The pattern's variable parts; a struct, so that the JIT compiles each variant with its constants.</summary>
    internal interface IRules
    {
        /// <summary>The n of <c>\p{N}{1,n}</c>.</summary>
        static abstract int MaxDigits { get; }

        /// <summary>Whether the word branches end with C.</summary>
        static abstract bool Contractions { get; }
    }

    private struct Rules : IRules
    {
        public static int MaxDigits => 3;
        public static bool Contractions => true;
    }

    /// <summary>The pattern with <typeparamref name="TRules"/>' digits and contractions: shared with <see cref="TekkenPreTokenizer"/>.</summary>
    internal static int NextPieceLength<TRules>(ReadOnlySpan<char> text, int start) where TRules : struct, IRules
    {
        Cls first = CharClass.ClassAt(text, start, out int w);
        int next = start + w;
        // Punctuation or white space not followed by a letter or mark (most of code): no word branch can match, with
        // or without the first char as prefix, so go straight to the punctuation and white-space branches.
        if ((first & (Cls.Letter | Cls.Mark | Cls.Number)) == 0
            && (next >= text.Length || (CharClass.ClassAt(text, next, out _) & (Cls.Letter | Cls.Mark)) == 0))
        {
            int punctuation = Cl100kPreTokenizer.PunctuationEnd(text, start, slash: true);
            return punctuation > 0 ? punctuation - start : Cl100kPreTokenizer.WhiteSpaceLength(text, start);
        }
        // A mark is both a prefix and in U and L, so dropping the prefix can still match.
        bool prefix = (first & Cls.Prefix) != 0 && next < text.Length;
        int end;
        if (prefix && (end = LowerWordEnd<TRules>(text, next)) > 0) return end - start;
        if ((end = LowerWordEnd<TRules>(text, start)) > 0) return end - start;
        if (prefix && (end = UpperWordEnd<TRules>(text, next)) > 0) return end - start;
        if ((end = UpperWordEnd<TRules>(text, start)) > 0) return end - start;

        if (first == Cls.Number) return Cl100kPreTokenizer.NumberEnd(text, next, TRules.MaxDigits) - start;
        if ((end = Cl100kPreTokenizer.PunctuationEnd(text, start, slash: true)) > 0) return end - start;
        return Cl100kPreTokenizer.WhiteSpaceLength(text, start);
    }

    /// <summary>
    /// <c>U*L+C?</c> (<c>U*L+</c> without contractions) from <paramref name="i"/>: its end, or -1.
    /// U* takes its whole run first; if no Ll follows, it backtracks to the run's last code point that is also in L (Lm,
    /// Lo or a mark), which L+ then takes alone.
    /// </summary>
    private static int LowerWordEnd<TRules>(ReadOnlySpan<char> text, int i) where TRules : struct, IRules
    {
        int n = text.Length, lastBothEnd = -1;
        while (i < n)
        {
            Cls c = CharClass.ClassAt(text, i, out int w);
            if ((c & Cls.UpperLike) == 0)
            {
                if (c == Cls.Lower)
                {
                    int end = CharClass.SkipLowerLike(text, i + w);
                    return TRules.Contractions ? end + Cl100kPreTokenizer.ContractionLength(text, end) : end;
                }
                break;
            }
            i += w;
            if ((c & Cls.LowerLike) != 0) lastBothEnd = i;
        }
        return lastBothEnd < 0 || !TRules.Contractions ? lastBothEnd : lastBothEnd + Cl100kPreTokenizer.ContractionLength(text, lastBothEnd);
    }

    /// <summary><c>U+L*C?</c> (<c>U+L*</c> without contractions) from <paramref name="i"/>: its end, or -1.</summary>
    private static int UpperWordEnd<TRules>(ReadOnlySpan<char> text, int i) where TRules : struct, IRules
    {
        if (i >= text.Length || (CharClass.ClassAt(text, i, out int w) & Cls.UpperLike) == 0) return -1;
        int end = CharClass.SkipRun(text, CharClass.SkipRun(text, i + w, Cls.UpperLike), Cls.LowerLike);
        return TRules.Contractions ? end + Cl100kPreTokenizer.ContractionLength(text, end) : end;
    }
}
