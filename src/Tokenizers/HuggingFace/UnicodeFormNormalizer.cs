using System;
using System.Text;

namespace Tokenizers.HuggingFace;

/// <summary>
/// <c>NFC</c>, <c>NFD</c>, <c>NFKC</c> and <c>NFKD</c> (the unicode-normalization crate in Hugging Face; .NET's
/// <see cref="string.Normalize(NormalizationForm)"/> here). Text that cannot change is recognised without a copy:
/// ASCII under every form, and under NFC any text whose chars all have NFC_Quick_Check=Yes and combining class 0
/// (nothing can compose with them or reorder).
/// </summary>
internal sealed class UnicodeFormNormalizer : TextNormalizer
{
    private readonly NormalizationForm _form;

    public UnicodeFormNormalizer(string form)
    {
        _form = form switch
        {
            "NFC" => NormalizationForm.FormC,
            "NFD" => NormalizationForm.FormD,
            "NFKC" => NormalizationForm.FormKC,
            "NFKD" => NormalizationForm.FormKD,
            _ => throw new NotSupportedException($"The normalizer {form} is not supported."),
        };
    }

    public override string? Normalize(ReadOnlySpan<char> text)
    {
        if (System.Text.Ascii.IsValid(text)) return null;
        if (_form == NormalizationForm.FormC && IsStableUnderNfc(text)) return null;
        // string.Normalize throws on a lone surrogate; Hugging Face sees U+FFFD there.
        string source = UnicodeRules.ReplaceLoneSurrogates(text) ?? text.ToString();
        if (source.IsNormalized(_form)) return null;
        return source.Normalize(_form);
    }

    /// <summary>Whether every char is in a range whose chars are NFC_Quick_Check=Yes with combining class 0.</summary>
    private static bool IsStableUnderNfc(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            bool stable = c < 0x0300                       // Latin-1, Latin Extended-A/B, IPA, spacing modifiers
                || (c >= 0x2010 && c <= 0x2027)            // dashes, quotes, bullets, ellipsis
                || (c >= 0x3000 && c <= 0x3029)            // CJK punctuation (before the combining tone marks)
                || (c >= 0x3041 && c <= 0x3096)            // Hiragana letters
                || (c >= 0x30A1 && c <= 0x30FA)            // Katakana letters
                || (c >= 0x4E00 && c <= 0x9FFF)            // CJK unified ideographs
                || (c >= 0xFF01 && c <= 0xFF5E);           // fullwidth ASCII
            if (!stable) return false;
        }
        return true;
    }
}
