using System;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// What a <c>Split</c>, <c>Replace</c>, <c>Digits</c> or <c>Punctuation</c> looks for in a piece: a regex, a literal
/// string, or one char of a class. <see cref="Matches"/> walks the matches as Hugging Face's Pattern::find_matches does.
/// </summary>
internal abstract class SplitMatcher
{
    /// <summary>The leftmost match at or after <paramref name="from"/> (may be empty).</summary>
    public abstract bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length);

    public static SplitMatcher Create(PatternDef pattern, Func<string, SplitMatcher> compileRegex)
        => pattern.IsRegex ? compileRegex(pattern.Text) : new LiteralMatcher(pattern.Text);

    /// <summary>
    /// The matches in order, as rust-onig's <c>find_iter</c> reports them (Hugging Face compiles String patterns to
    /// escaped onig regexes too): after each match the search goes on from its end, and an empty match where the
    /// previous match ended is skipped by moving one code point on.
    /// </summary>
    public ref struct Matches(SplitMatcher matcher, ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _from;
        private int _lastEnd = -1;

        public bool MoveNext(out int start, out int end)
        {
            while (_from <= _text.Length && matcher.TryFind(_text, _from, out start, out int length))
            {
                end = start + length;
                if (length == 0 && end == _lastEnd)
                {
                    if (end >= _text.Length) break;
                    UnicodeRules.CodePointAt(_text, end, out int width);
                    _from = end + width;
                    continue;
                }
                _from = end;
                _lastEnd = end;
                return true;
            }
            _from = _text.Length + 1;
            start = end = 0;
            return false;
        }
    }
}

/// <summary>A <c>String</c> pattern: the literal text (ordinal; empty matches everywhere, as the empty regex does).</summary>
internal sealed class LiteralMatcher(string literal) : SplitMatcher
{
    public override bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        length = literal.Length;
        int at = text[from..].IndexOf(literal.AsSpan(), StringComparison.Ordinal);
        start = at < 0 ? 0 : from + at;
        return at >= 0;
    }
}

/// <summary>One code point for which a predicate holds (Hugging Face's <c>Fn(char) -&gt; bool</c> pattern).</summary>
internal sealed class CharClassMatcher(Func<int, bool> predicate) : SplitMatcher
{
    public static CharClassMatcher Numeric { get; } = new(UnicodeRules.IsNumeric);

    public static CharClassMatcher Punctuation { get; } = new(UnicodeRules.IsPunctuation);

    public override bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        for (int i = from; i < text.Length; i += length)
        {
            int cp = UnicodeRules.CodePointAt(text, i, out length);
            if (predicate(cp))
            {
                start = i;
                return true;
            }
        }
        start = length = 0;
        return false;
    }
}
