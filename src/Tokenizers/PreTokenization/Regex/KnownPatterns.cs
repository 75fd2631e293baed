using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>
/// Split patterns that a hand-written scanner matches exactly as Oniguruma does, by their exact text in tokenizer.json.
/// The scanners were proven against tiktoken's Rust regex; these patterns mean the same under Oniguruma: <c>\s</c> is
/// White_Space in both, <c>\p{..}</c> are general categories in both, <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)</c> folds 's' to
/// S and ſ and the other letters to their ASCII pair only in both (no multi-character fold applies to these strings),
/// and none of them can match empty, so the pieces are the matches, which tile the text.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KnownPatterns
{
    /// <summary>GPT-2's, also ByteLevel's with <c>use_regex</c>.</summary>
    public const string Gpt2 = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>cl100k_base's, also Llama 3's.</summary>
    public const string Cl100k =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>Qwen2's and Qwen3's: cl100k's with <c>\p{N}</c>.</summary>
    public const string Qwen2 =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public const string O200k =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>Mistral's Tekken (Mistral Nemo): o200k's without the contractions and with <c>\p{N}</c>.</summary>
    public const string Tekken =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+"
        + @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*"
        + @"|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>DeepSeek V3's three patterns, split in this order (<see cref="DeepSeekV3PreTokenizer"/>).</summary>
    internal static readonly string[] DeepSeekV3 =
    [
        @"\p{N}{1,3}",
        "[\u4E00-\u9FA5\u3040-\u309F\u30A0-\u30FF]+",
        "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+",
    ];

    /// <summary>
    /// One scanner for Isolated, non-inverted regex Splits that follow one another (<paramref name="patterns"/>, in
    /// order), or null when they are not a recognised sequence.
    /// </summary>
    internal static PreTokenizer? TryGetSequenceScanner(ReadOnlySpan<string> patterns) =>
        patterns.SequenceEqual(DeepSeekV3) ? DeepSeekV3PreTokenizer.Instance : null;

    /// <summary>
    /// The scanner for a recognised pattern (Split, Isolated and not inverted, or Removed and inverted, which is the
    /// same where the matches tile the text), or null: then use <see cref="RegexPreTokenizer"/>.
    /// </summary>
    public static PreTokenizer? TryGetScanner(string pattern) => pattern switch
    {
        Gpt2 => Gpt2PreTokenizer.Instance,
        Cl100k => Cl100kPreTokenizer.Instance,
        Qwen2 => Qwen2PreTokenizer.Instance,
        O200k => O200kPreTokenizer.Instance,
        Tekken => TekkenPreTokenizer.Instance,
        _ => null,
    };
}
