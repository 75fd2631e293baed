using System;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// SentencePiece's normalizer (<c>Replace</c> of one char by one char, after an optional <c>Prepend</c>) applied a
/// window at a time, so that encoding or counting a text takes a buffer of a few thousand chars instead of a
/// normalized copy of it (two, with the Prepend). Each char normalizes on its own, and windows end only
/// where the model cuts its words anyway (<see cref="WordCuts"/>), so the ids are those of the whole text normalized
/// at once. Only models where nothing else looks across a window's end take it (see <see cref="TryCreate"/>).
/// </summary>
internal sealed class WindowedNormalizer
{
    /// <summary>Original chars a window aims at: large next to any word, small enough for the L1/L2 caches.</summary>
    public const int WindowChars = 4096;

    private readonly string _prefix;
    private readonly char _from, _to;

    private WindowedNormalizer(string prefix, char from, char to)
    {
        _prefix = prefix;
        _from = from;
        _to = to;
    }

    /// <summary>The chars the first window's output may add (the prefix).</summary>
    public int PrefixLength => _prefix.Length;

    /// <summary>
    /// The windowed form of <paramref name="normalizer"/>, or null when windows could change the ids: the normalizer
    /// must be <c>Replace</c> of a one-char string by one char, alone or after / before a <c>Prepend</c> that holds
    /// neither, and the pre-tokenizer none, or a <c>Split</c> on that same char that can no longer match once it is
    /// replaced. (Added tokens that are normalized, and vocabularies with tokens only <c>ignore_merges</c> gives, are
    /// the caller's to exclude.)
    /// </summary>
    public static WindowedNormalizer? TryCreate(NormalizerDef? normalizer, PreTokenizerDef? preTokenizer)
    {
        string prefix = "";
        ReplaceNormalizerDef? replace = normalizer as ReplaceNormalizerDef;
        if (normalizer is SequenceNormalizerDef { Items: [var first, var second] })
        {
            (PrependNormalizerDef? prepend, replace) = (first, second) switch
            {
                (PrependNormalizerDef p, ReplaceNormalizerDef r) => (p, r),
                (ReplaceNormalizerDef r, PrependNormalizerDef p) => (p, r),
                _ => (null, null),
            };
            prefix = prepend?.Prepend ?? "";
        }
        if (replace is not { Pattern: { IsRegex: false, Text.Length: 1 }, Content.Length: 1 }) return null;
        char from = replace.Pattern.Text[0], to = replace.Content[0];
        if (from == to || prefix.IndexOf(from) >= 0) return null;
        bool splitNeverMatches = preTokenizer is SplitDef { Invert: false, Pattern: { IsRegex: false } split } && split.Text == replace.Pattern.Text;
        return preTokenizer is null || splitNeverMatches ? new WindowedNormalizer(prefix, from, to) : null;
    }

    /// <summary>Whether normalizing <paramref name="text"/> changes it (else it is encoded in place, with its positions).</summary>
    public bool Changes(ReadOnlySpan<char> text) => !text.IsEmpty && (_prefix.Length > 0 || text.Contains(_from));

    /// <summary>
    /// Where the window that starts at <paramref name="start"/> ends: the last cut of <paramref name="cuts"/> at or
    /// before <paramref name="start"/> + <see cref="WindowChars"/>, else the first one after it, else the text's end.
    /// </summary>
    public int WindowEnd(ReadOnlySpan<char> text, int start, WordCuts cuts)
    {
        int target = start + WindowChars;
        if (target >= text.Length) return text.Length;
        for (int at = target; at > start + 1; at--)
            if (IsCut(text, at, cuts)) return at;
        for (int at = target + 1; at < text.Length; at++)
            if (IsCut(text, at, cuts)) return at;
        return text.Length;
    }

    /// <summary>Writes <paramref name="text"/> normalized (with the prefix when <paramref name="first"/>); returns the chars written.</summary>
    public int Write(ReadOnlySpan<char> text, bool first, Span<char> destination)
    {
        int written = 0;
        if (first && !text.IsEmpty)
        {
            _prefix.AsSpan().CopyTo(destination);
            written = _prefix.Length;
        }
        text.Replace(destination[written..], _from, _to);
        return written + text.Length;
    }

    /// <summary>Whether the model cuts a word before <paramref name="text"/>[<paramref name="at"/>] once both chars are normalized.</summary>
    private bool IsCut(ReadOnlySpan<char> text, int at, WordCuts cuts) => Map(text[at]) == cuts.Meta && cuts.CutsAfter(Map(text[at - 1]));

    private char Map(char c) => c == _from ? _to : c;
}
