using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// The tiktoken patterns (Rust regex / fancy-regex syntax, read from shared/) as .NET regexes that match the same
/// pieces on BMP text. Both engines pick the leftmost alternative that matches and let greedy quantifiers backtrack,
/// and on BMP text <c>\s</c> (Unicode White_Space in Rust; <c>[\f\n\r\t\v\x85\p{Z}]</c> in .NET, the same set),
/// <c>\p{L}</c>, <c>\p{Lu}</c>, <c>\p{N}</c>, <c>\p{M}</c> and <c>(?!\S)</c> mean the same, so the text is kept as is except:
/// </summary>
internal static class DotNetPatterns
{
    private const string CaseInsensitiveContractions = "(?i:'s|'t|'re|'ve|'m|'ll|'d)";

    // Rust's (?i) folds with Unicode simple case folding, where s ~ S ~ ſ (U+017F) and t, r, e, v, m, l, d only fold to
    // their ASCII pair (regex-syntax's CASE_FOLDING_SIMPLE). .NET's IgnoreCase uses its own, culture-dependent case
    // table instead, so the classes are spelled out: exactly the same strings, with no case option left to differ.
    private const string ExplicitContractions = "(?:'[sSſ]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])";

    public static Regex For(string encoding) => ForPattern(RustPattern(encoding));

    /// <summary>A pattern with its case-insensitive contractions spelled out (Oniguruma folds them as Rust does).</summary>
    public static Regex ForPattern(string pattern)
    {
        pattern = pattern.Replace(CaseInsensitiveContractions, ExplicitContractions, StringComparison.Ordinal);
        if (pattern.Contains("(?i", StringComparison.Ordinal)) throw new InvalidOperationException($"untranslated (?i) in {pattern}");
        return new Regex(pattern, RegexOptions.Compiled);
    }

    public static string RustPattern(string encoding)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Path_("vectors", "tiktoken-encodings.json")));
        return doc.RootElement.GetProperty(encoding).GetProperty("pat_str").GetString()!;
    }
}
