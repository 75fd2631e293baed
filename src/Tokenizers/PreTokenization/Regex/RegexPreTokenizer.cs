using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>
/// Hugging Face's <c>Split(pattern, behavior: Isolated, invert: false)</c>: the matches of an Oniguruma pattern and the
/// gaps between them are the pieces, in order; empty pieces are dropped. An empty match still cuts a gap in two, as in
/// Hugging Face, where onig's find_iter reports it unless it falls where the previous match ended (there it skips one
/// code point and searches again). So from a piece boundary: a non-empty match there is the piece; an empty one there is
/// skipped; otherwise the piece is the gap up to the next match. Matching at a position does not depend on where the
/// search began (the patterns have no \G or look-behind), which keeps this stateless.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RegexPreTokenizer : PreTokenizer
{
    private readonly OnigRegex _regex;

    public RegexPreTokenizer(OnigRegex regex) => _regex = regex ?? throw new ArgumentNullException(nameof(regex));

    public RegexPreTokenizer(string pattern) : this(OnigRegex.Compile(pattern)) { }

    public OnigRegex Regex => _regex;

    public override int NextPieceLength(ReadOnlySpan<char> text, int start)
    {
        if (!_regex.TryFind(text, start, out int matchStart, out int length)) return text.Length - start;
        if (matchStart == start)
        {
            if (length > 0) return length;
            CharClass.CodePointAt(text, start, out int width);
            if (!_regex.TryFind(text, start + width, out matchStart, out _)) return text.Length - start;
        }
        return matchStart - start;
    }
}
