using System;
using Tokenizers.PreTokenization;
using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.HuggingFace;

/// <summary>A <c>Regex</c> pattern, matched with Oniguruma's meaning on code points.</summary>
internal sealed class RegexMatcher(OnigRegex regex) : SplitMatcher
{
    public OnigRegex Regex => regex;

    public override bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length)
        => regex.TryFind(text, from, out start, out length);

    public static SplitMatcher Compile(string pattern) => new RegexMatcher(OnigRegex.Compile(pattern));

    /// <summary>The streaming scanner of a non-inverted Isolated split: a hand-written one for the known patterns.</summary>
    public static PreTokenizer ScannerFor(string pattern)
        => KnownPatterns.TryGetScanner(pattern) ?? new RegexPreTokenizer(OnigRegex.Compile(pattern));
}
