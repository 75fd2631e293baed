using System;
using System.Text;

namespace Tokenizers.HuggingFace;

/// <summary>
/// <c>NFC</c>, <c>NFD</c>, <c>NFKC</c> and <c>NFKD</c> (the unicode-normalization crate in Hugging Face; .NET's
/// <see cref="string.Normalize(NormalizationForm)"/> here). Text that cannot change is recognised without a copy:
/// ASCII under every form, and under NFC any text whose chars all have NFC_Quick_Check=Yes and combining class 0
/// (nothing can compose with them or reorder).
/// <para>
/// Hugging Face's unicode-normalization tables are older than .NET's ICU: characters assigned since then have no
/// decomposition or combining class there, so they stay as they are and, being starters, nothing composes or
/// reorders across them. <see cref="s_newer"/> lists the characters whose normalization differs for that reason
/// (found by running every code point, alone and beside combining marks, through Hugging Face 0.22.2 and .NET), plus
/// U+FFFE, which .NET refuses to normalize; the text between them is normalized by .NET, and they are kept.
/// </para>
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
        int newer = IndexOfNewer(source, 0);
        if (newer < 0) return source.IsNormalized(_form) ? null : source.Normalize(_form);

        var builder = new StringBuilder(source.Length + 8);
        int runStart = 0;
        while (newer >= 0)
        {
            AppendNormalized(builder, source[runStart..newer]);
            int width = char.IsHighSurrogate(source[newer]) ? 2 : 1;
            builder.Append(source, newer, width);
            runStart = newer + width;
            newer = IndexOfNewer(source, runStart);
        }
        AppendNormalized(builder, source[runStart..]);
        string result = builder.ToString();
        return result == source ? null : result;
    }

    private void AppendNormalized(StringBuilder builder, string run)
        => builder.Append(run.Length == 0 || run.IsNormalized(_form) ? run : run.Normalize(_form));

    /// <summary>Characters that .NET normalizes and Hugging Face's older tables do not know, as inclusive ranges.</summary>
    private static readonly int[] s_newer =
    [
        0x7FD, 0x7FD, 0x898, 0x89F, 0x8CA, 0x8D3, 0x9FE, 0x9FE, 0xC3C, 0xC3C, 0xD3B, 0xD3C, 0xEBA, 0xEBA,
        0x1715, 0x1715, 0x1ABF, 0x1ACE, 0x1DF6, 0x1DFA, 0x32FF, 0x32FF, 0xA7F2, 0xA7F4, 0xA82C, 0xA82C,
        0xAB69, 0xAB69, 0xFFFE, 0xFFFE, 0x10781, 0x10785, 0x10787, 0x107B0, 0x107B2, 0x107BA, 0x10D24, 0x10D27,
        0x10EAB, 0x10EAC, 0x10EFD, 0x10EFF, 0x10F46, 0x10F50, 0x10F82, 0x10F85, 0x11070, 0x11070, 0x1133B, 0x1133B,
        0x1145E, 0x1145E, 0x11839, 0x1183A, 0x11930, 0x11930, 0x11935, 0x11935, 0x11938, 0x11938, 0x1193D, 0x1193E,
        0x11943, 0x11943, 0x119E0, 0x119E0, 0x11A34, 0x11A34, 0x11A47, 0x11A47, 0x11A99, 0x11A99, 0x11D42, 0x11D42,
        0x11D44, 0x11D45, 0x11D97, 0x11D97, 0x11F41, 0x11F42, 0x16FF0, 0x16FF1, 0x1E030, 0x1E06D, 0x1E08F, 0x1E08F,
        0x1E130, 0x1E136, 0x1E2AE, 0x1E2AE, 0x1E2EC, 0x1E2EF, 0x1E4EC, 0x1E4EF, 0x1F16C, 0x1F16C, 0x1FBF0, 0x1FBF9,
    ];

    private static int IndexOfNewer(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] < 0x7FD) continue;
            int cp = UnicodeRules.CodePointAt(text, i, out int width);
            if (UnicodeRules.InRanges(s_newer, cp)) return i;
            i += width - 1;
        }
        return -1;
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
