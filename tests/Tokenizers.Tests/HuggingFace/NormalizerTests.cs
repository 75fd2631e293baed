using System.Text;
using CsCheck;
using Tokenizers.Compilation;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The normalizers on Hugging Face's own examples (tokenizers/src/normalizers/replace.rs test_replace and
/// test_replace_regex, prepend.rs test_prepend) and on Rust's char::to_lowercase and the unicode-normalization crate.
/// </summary>
public class NormalizerTests
{
    private static string Apply(NormalizerDef definition, string text)
    {
        var normalizer = TextNormalizer.Create(definition, RegexMatcher.Compile);
        Assert.NotNull(normalizer);
        return normalizer.Normalize(text) ?? text;
    }

    [Fact]
    public void Replace_string_and_regex()
    {
        Assert.Equal("This is a \"test\"", Apply(new ReplaceNormalizerDef(new PatternDef("''", false), "\""), "This is a ''test''"));
        Assert.Equal("This is a test", Apply(new ReplaceNormalizerDef(new PatternDef(@"\s+", true), " "), "This     is   a         test"));
        Assert.Equal("▁a▁▁b", Apply(new ReplaceNormalizerDef(new PatternDef(" ", false), "▁"), " a  b"));
        // An empty pattern matches at every boundary, once (onig's find_iter skips the repeat where a match ended).
        Assert.Equal("XaXbX", Apply(new ReplaceNormalizerDef(new PatternDef("", false), "X"), "ab"));
    }

    [Fact]
    public void Prepend_only_to_non_empty_text()
    {
        var prepend = TextNormalizer.Create(new PrependNormalizerDef("▁"), RegexMatcher.Compile)!;
        Assert.Equal("▁Hello", prepend.Normalize("Hello"));
        Assert.Null(prepend.Normalize(""));
    }

    [Fact]
    public void Lowercase_is_rusts_full_per_char_mapping()
    {
        Assert.Equal("i\u0307stanbul", Apply(new LowercaseNormalizerDef(), "İstanbul"));
        // Per char, so no final-sigma rule: Σ is σ everywhere.
        Assert.Equal("οδοσ σ", Apply(new LowercaseNormalizerDef(), "ΟΔΟΣ Σ"));
        Assert.Equal("àb𐐨", Apply(new LowercaseNormalizerDef(), "ÀB𐐀"));
        Assert.Null(LowercaseNormalizer.Instance.Normalize("already lower 123 ß"));
        // Letters newer than .NET 8's tables, lowercased as Rust does (Unicode 16: Latin, Garay; 17: Beria Erfe).
        Assert.Equal("\u0264\u019B\U00010D70\U00016EBB", Apply(new LowercaseNormalizerDef(), "\uA7CB\uA7DC\U00010D50\U00016EA0"));
    }

    [Fact]
    public void Unicode_forms()
    {
        Assert.Equal("é", Apply(new UnicodeNormalizerDef("NFC"), "e\u0301"));
        Assert.Equal("e\u0301", Apply(new UnicodeNormalizerDef("NFD"), "é"));
        Assert.Equal("fi2", Apply(new UnicodeNormalizerDef("NFKC"), "ﬁ²"));
        Assert.Equal("e\u0301", Apply(new UnicodeNormalizerDef("NFKD"), "é"));
        // Text under the quick check is left alone without a copy; a lone surrogate is U+FFFD, as in UTF-8.
        Assert.Null(new UnicodeFormNormalizer("NFC").Normalize("“Quoted” — 中文 かな"));
        Assert.Equal("a\uFFFDé", Apply(new UnicodeNormalizerDef("NFC"), "a\uD800e\u0301"));
        // Characters newer than Hugging Face's tables stay as they are, and nothing composes or reorders across them:
        // U+1F16C and U+32FF have no compatibility decomposition there, U+11935 U+11930 do not compose to U+11938,
        // U+09FE is a starter, so U+0316 does not move before it. U+FFFE, which .NET refuses, passes.
        Assert.Equal("\U0001F16Cé\u32FF", Apply(new UnicodeNormalizerDef("NFKC"), "\U0001F16Ce\u0301\u32FF"));
        Assert.Equal("\U00011935\U00011930", Apply(new UnicodeNormalizerDef("NFC"), "\U00011935\U00011930"));
        Assert.Equal("a\u09FE\u0316", Apply(new UnicodeNormalizerDef("NFD"), "a\u09FE\u0316"));
        Assert.Equal("\uFFFEé", Apply(new UnicodeNormalizerDef("NFC"), "\uFFFEe\u0301"));
    }

    // Starters that compose with what follows, marks that compose or reorder, second chars of compositions that are
    // starters themselves (Hangul jamo, Tamil U+0BBE/U+0BD7, Devanagari nukta), and stable letters between them.
    private const string NfcAlphabet = "aeoAEnsZ ΩαεηиИйеёかカかはぱ가각\u1100\u1161\u11A8\u0B92\u0BC6\u0BBE\u0BD7\u0928\u093C\u0915"
        + "\u0300\u0301\u0306\u0308\u0316\u0323\u0327\u0334\u0345\u0591\u05B0\u05BC\u3099\u309A\u0340\u212B\u1E9B\u0F73";

    // Chars the compatibility forms change (ligatures, super- and subscripts, fractions, width and letterlike forms,
    // the halfwidth voiced mark that becomes a combining one, NBSP) and precomposed letters NFD splits.
    private const string CompatibilityAlphabet = "\uFB01\u00B2\u2082\u00BD\u00AA\u01C5\u017F\u00A0\u3392\uFF76\uFF9E\u2126\u00E9\u00C5\u1E9B\u2460";

    public static TheoryData<string, NormalizationForm> Forms => new()
    {
        { "NFC", NormalizationForm.FormC },
        { "NFD", NormalizationForm.FormD },
        { "NFKC", NormalizationForm.FormKC },
        { "NFKD", NormalizationForm.FormKD },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_form_normalizes_only_around_unstable_chars_and_agrees_with_the_whole_text(string name, NormalizationForm form) =>
        AgreesWithDotNet(name, form, Gen.String[Gen.Char[NfcAlphabet + CompatibilityAlphabet], 0, 24], 20_000);

    [Theory]
    [MemberData(nameof(Forms))]
    public void Long_ascii_runs_are_skipped_without_missing_the_chars_after_them(string name, NormalizationForm form)
    {
        // ASCII runs longer than a vector, then Latin chars below U+0300 (stable under NFC, but NFD and the compatibility
        // forms change some: é, NBSP, ª), then a char of the alphabets above.
        var part = Gen.Select(Gen.String[Gen.Char['a', 'z'], 0, 70], Gen.String[Gen.Char['\u00A0', '\u02FF'], 0, 3],
            Gen.Char[NfcAlphabet + CompatibilityAlphabet]);
        AgreesWithDotNet(name, form, part.Array[1, 6].Select(parts => string.Concat(Array.ConvertAll(parts, p => p.Item1 + p.Item2 + p.Item3))), 5_000);
    }

    /// <summary>The form normalizes each generated text as .NET does, and reports an unchanged one as unchanged (null).</summary>
    private static void AgreesWithDotNet(string name, NormalizationForm form, Gen<string> texts, int iter)
    {
        var normalizer = new UnicodeFormNormalizer(name);
        texts.Sample(text =>
        {
            string expected = text.Normalize(form);
            string? actual = normalizer.Normalize(text);
            Assert.Equal(expected, actual ?? text);
            Assert.Equal(expected == text, actual is null);
        }, iter: iter);
    }

    [Fact]
    public void Every_nfc_stable_char_is_unchanged_by_nfc_alone()
    {
        var normalizer = new UnicodeFormNormalizer("NFC");
        for (int c = 0x80; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c) || c == 0xFFFE) continue;
            string text = ((char)c).ToString();
            if (normalizer.Normalize(text) is null) Assert.True(text.IsNormalized(NormalizationForm.FormC), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Sequence_runs_in_order_and_an_empty_one_is_no_normalizer()
    {
        Assert.Null(TextNormalizer.Create(new SequenceNormalizerDef([]), RegexMatcher.Compile));
        var llama2 = new SequenceNormalizerDef([new PrependNormalizerDef("▁"), new ReplaceNormalizerDef(new PatternDef(" ", false), "▁")]);
        Assert.Equal("▁Hello▁world", Apply(llama2, "Hello world"));
        Assert.Equal("hello", Apply(new SequenceNormalizerDef([new UnicodeNormalizerDef("NFKC"), new LowercaseNormalizerDef()]), "ＨＥＬＬＯ"));
    }
}
