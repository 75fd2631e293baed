using System.Text;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// Random text built from fragments that stress pre-tokenization and merging: ASCII and Unicode letters of many
/// scripts and cases, digits of several scripts, whitespace runs, contractions, punctuation, combining marks, emoji
/// (ZWJ sequences, skin tones, flags, keycaps, tags), control and format characters, and special-token text whole
/// and in fragments. Well-formed UTF-16 unless <see cref="Next(bool)"/> is asked for lone surrogates.
/// </summary>
/// <param name="seed">The whole sequence of strings follows from it.</param>
/// <param name="specialTokens">
/// Added-token text to mix in, whole and cut into fragments (a prefix, a suffix, one char dropped, doubled, spaced,
/// upper-cased); by default tiktoken's special tokens and a fixed list of their fragments.
/// </param>
public sealed class FuzzText(int seed, IReadOnlyList<string>? specialTokens = null)
{
    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<string> _specialTokens = specialTokens ?? SpecialTokens;

    public static readonly string[] SpecialTokens =
        ["<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>"];

    private static readonly string[] s_specialFragments =
    [
        "<|", "|>", "<|endoftext", "endoftext|>", "<|endoftext|", "<<|endoftext|>>", "<|EndOfText|>", "<|endof", "prompt|>",
        "<|endof<|endoftext|>text|>", "<|fim_", "<| endoftext |>", "<|endoftext|><|endoftext|>", "<|fim_prefix|><|fim_suffix|>",
    ];

    private static readonly string[] s_contractions =
    [
        "'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'Re", "'rE", "'VE", "'vE", "'M", "'LL", "'lL", "'D",
        "'\u017F", "'\u017Ft", "'x", "'", "''", "'''s", "\u2019s", "'\u0130", "'\u212A", "'e", "'r", "'l", "'v",
    ];

    private static readonly string[] s_whitespace =
    [
        " ", " ", " ", " ", "\t", "\n", "\n", "\r", "\r\n", "\u00A0", "\u3000", "\u2009", "\u000B", "\u000C", "\u0085",
        "\u2028", "\u2029", "\u1680", "\u205F", "\u202F", "\u2000", "\u200A",
    ];

    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static readonly string[] s_unicodePunctuation =
    [
        "«", "»", "—", "–", "…", "¿", "¡", "、", "。", "「", "」", "《", "》", "·", "•", "€", "£", "¥", "©", "®", "™", "°", "±",
        "×", "÷", "∑", "∞", "≤", "→", "⇒", "★", "♥", "§", "¶", "‰", "′", "″", "‹", "›", "„", "“", "”", "‘", "’", "؟", "،",
        "।", "॥", "「", "〜", "・", "！", "？", "（", "）", "：", "；", "\uFF0C",
    ];

    /// <summary>Code-point ranges of letters (and their marks) by script; some are astral.</summary>
    private static readonly (int First, int Last)[] s_scripts =
    [
        (0x00C0, 0x00FF), (0x0100, 0x017F), (0x0180, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x0500, 0x052F),
        (0x0531, 0x0587), (0x05D0, 0x05EA), (0x0591, 0x05C7), (0x0620, 0x064A), (0x064B, 0x065F), (0x0900, 0x097F),
        (0x0980, 0x09FF), (0x0B80, 0x0BFF), (0x0E01, 0x0E5B), (0x0E81, 0x0EDF), (0x10A0, 0x10FF), (0x1100, 0x11FF),
        (0x1200, 0x137C), (0x13A0, 0x13F5), (0xAB70, 0xABBF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF), (0x3041, 0x3096),
        (0x30A1, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xA000, 0xA48C), (0x0F00, 0x0FFF),
        (0x1780, 0x17FF), (0x0D00, 0x0D7F), (0x01C4, 0x01CC), (0x02B0, 0x02FF), (0x2C00, 0x2C5F), (0xFF21, 0xFF5A),
        (0x20000, 0x2A6DF), (0x1D400, 0x1D7FF), (0x10400, 0x1044F), (0x1E900, 0x1E94B), (0x10330, 0x1034A),
    ];

    private static readonly (int First, int Last)[] s_digits =
    [
        ('0', '9'), ('0', '9'), ('0', '9'), (0x0660, 0x0669), (0x06F0, 0x06F9), (0x0966, 0x096F), (0x09E6, 0x09EF),
        (0x0E50, 0x0E59), (0xFF10, 0xFF19), (0x00B2, 0x00B3), (0x2070, 0x2079), (0x2080, 0x2089), (0x2160, 0x2188),
        (0x2460, 0x249B), (0x3007, 0x3007), (0x1D7CE, 0x1D7FF), (0x104A0, 0x104A9), (0x00BC, 0x00BE),
    ];

    private static readonly (int First, int Last)[] s_marks =
    [
        (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x064B, 0x065F), (0x093A, 0x094F), (0x1AB0, 0x1ABE),
        (0x1DC0, 0x1DFF), (0x20D0, 0x20F0), (0xFE20, 0xFE2F), (0x3099, 0x309A), (0x1D165, 0x1D169),
    ];

    private static readonly string[] s_emoji =
    [
        "😀", "😂", "🥲", "👍", "👍🏽", "👍🏿", "❤️", "❤", "✨", "🔥", "🎉", "🚀", "🤖", "🧠", "👨‍👩‍👧‍👦", "👩‍💻", "👩🏽‍💻",
        "🏳️‍🌈", "🏳‍⚧", "🧑‍🤝‍🧑", "👁️‍🗨️", "1️⃣", "#️⃣", "🇫🇷", "🇯🇵", "🇺🇸", "🇦", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "☺️", "✌🏻", "🫠", "🪿", "\u200D",
        "\uFE0F", "🏻",
    ];

    private static readonly string[] s_controlAndFormat =
    [
        "\u0000", "\u0001", "\u0007", "\u0008", "\u001B", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F", "\u00AD",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202E", "\u2060", "\u2064", "\uFEFF", "\uFFFD",
        "\uFFFC", "\uE000", "\uF8FF", "\uDB80\uDC00", "\U0010FFFD", "\uFFFE", "\uFFFF",
    ];

    private static readonly string[] s_snippets =
    [
        "if (x) {\n\treturn y;\n}", "https://example.com/a/b?c=d&e=f#g", "/usr/local/bin/", "C:\\Windows\\System32",
        "{\"key\": [1, 2.5, null]}", "<div class=\"a\">b</div>", "    def f(self):\n        pass\n", "a_b__c___d",
        "x=1;y=2", "2024-01-31T12:00:00Z", "user@example.com", "$ 1,234.56", "50%", "3.14159", "1e-9", "0x7FFF", "//", "///",
        "<!-- -->", "\r\n\r\n", "\n\n\n", "...", "?!", "--", "***", "'''", "\"\"\"", "I'm", "don't", "they'RE", "HELLOWorld",
        "iPhone", "McDonald's", "ÉCOLE", "straße", "İstanbul", "ǅemal", "ﬁne", "Ω", "Å", "ŉ", "ΐ",
    ];

    /// <summary>One random string; with <paramref name="loneSurrogates"/> some fragments are lone or reversed surrogates.</summary>
    public string Next(bool loneSurrogates = false)
    {
        var sb = new StringBuilder();
        int roll = _random.Next(1000);
        int fragments = roll switch
        {
            < 20 => 0,
            < 975 => _random.Next(1, 14),
            < 997 => _random.Next(14, 100),
            _ => _random.Next(100, 400),
        };
        for (int i = 0; i < fragments; i++)
        {
            Fragment(sb, loneSurrogates);
            int separator = _random.Next(10);
            if (separator < 3) sb.Append(' ');
            else if (separator == 3) sb.Append(Pick(s_whitespace));
        }
        return sb.ToString();
    }

    private void Fragment(StringBuilder sb, bool loneSurrogates)
    {
        int kind = _random.Next(loneSurrogates ? 110 : 100);
        switch (kind)
        {
            case < 18: AsciiWord(sb); break;
            case < 24: Repeat(sb, "0123456789", 1, 12); break;
            case < 29: Run(sb, s_digits, 1, 8); break;
            case < 38: WhitespaceRun(sb); break;
            case < 43: sb.Append(Pick(s_contractions)); break;
            case < 49: Repeat(sb, AsciiPunctuation, 1, 5); break;
            case < 53: sb.Append(Pick(s_unicodePunctuation)); break;
            case < 66: Run(sb, s_scripts, 1, 10); break;
            case < 71: CombiningSequence(sb); break;
            case < 77: sb.Append(Pick(s_emoji)); break;
            case < 80: sb.Append(Pick(s_controlAndFormat)); break;
            case < 83: sb.Append(_specialTokens[_random.Next(_specialTokens.Count)]); break;
            case < 84: SpecialFragment(sb); break;
            case < 86: AsciiWord(sb); break;
            case < 92: sb.Append(Pick(s_snippets)); break;
            case < 93: LongRun(sb); break;
            case < 94: AsciiWord(sb); break;
            case < 97: AnyCodePoint(sb, _random.Next(2) == 0 ? 0xFFFF : 0x10FFFF); break;
            case < 100: AnyCodePoint(sb, 0x7FF); break;
            default: LoneSurrogate(sb); break;
        }
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private void SpecialFragment(StringBuilder sb)
    {
        if (specialTokens is null)
        {
            sb.Append(Pick(s_specialFragments));
            return;
        }
        string token = _specialTokens[_random.Next(_specialTokens.Count)];
        int cut = CutPoint(token);
        int next = cut < token.Length && !char.IsSurrogate(token[cut]) ? cut + 1 : cut;
        switch (_random.Next(6))
        {
            case 0: sb.Append(token, 0, cut); break;
            case 1: sb.Append(token, cut, token.Length - cut); break;
            case 2: sb.Append(token, 0, cut).Append(token, next, token.Length - next); break;
            case 3: sb.Append(token).Append(token); break;
            case 4: sb.Append(' ').Append(token).Append(' '); break;
            default: sb.Append(token.ToUpperInvariant()); break;
        }
    }

    /// <summary>A cut inside <paramref name="token"/> that does not split a surrogate pair.</summary>
    private int CutPoint(string token)
    {
        int cut = _random.Next(token.Length + 1);
        if (cut > 0 && cut < token.Length && char.IsLowSurrogate(token[cut])) cut--;
        return cut;
    }

    private void AsciiWord(StringBuilder sb)
    {
        int length = _random.Next(1, 13);
        int style = _random.Next(5); // lower, upper, Capitalised, mixed, camelCase
        for (int i = 0; i < length; i++)
        {
            char c = (char)('a' + _random.Next(26));
            bool upper = style switch
            {
                1 => true,
                2 => i == 0,
                3 => _random.Next(2) == 0,
                4 => _random.Next(5) == 0,
                _ => false,
            };
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
        }
    }

    private void Repeat(StringBuilder sb, string alphabet, int min, int max)
    {
        int length = _random.Next(min, max + 1);
        for (int i = 0; i < length; i++) sb.Append(alphabet[_random.Next(alphabet.Length)]);
    }

    private void Run(StringBuilder sb, (int First, int Last)[] ranges, int min, int max)
    {
        var (first, last) = ranges[_random.Next(ranges.Length)];
        int length = _random.Next(min, max + 1);
        for (int i = 0; i < length; i++) AppendCodePoint(sb, _random.Next(first, last + 1));
    }

    private void WhitespaceRun(StringBuilder sb)
    {
        int length = _random.Next(1, 9);
        for (int i = 0; i < length; i++) sb.Append(Pick(s_whitespace));
    }

    private void CombiningSequence(StringBuilder sb)
    {
        if (_random.Next(4) != 0) sb.Append(_random.Next(3) == 0 ? (char)('A' + _random.Next(26)) : (char)('a' + _random.Next(26)));
        Run(sb, s_marks, 1, 4);
    }

    /// <summary>Hundreds to thousands of one kind: the scanners' and the merger's long paths.</summary>
    private void LongRun(StringBuilder sb)
    {
        int length = _random.Next(20, 700);
        switch (_random.Next(6))
        {
            case 0: sb.Append(' ', length); break;
            case 1: sb.Append('a', length); break;
            case 2: Repeat(sb, "0123456789", length, length); break;
            case 3: Repeat(sb, " \n\t", length, length); break;
            case 4: for (int i = 0; i < length / 2; i++) sb.Append(Pick(s_emoji)); break;
            default: for (int i = 0; i < length / 2; i++) AppendCodePoint(sb, _random.Next(0x4E00, 0x9FFF)); break;
        }
    }

    /// <summary>Any scalar value up to <paramref name="max"/>, assigned or not (surrogate code points skipped).</summary>
    private void AnyCodePoint(StringBuilder sb, int max)
    {
        int cp;
        do cp = _random.Next(0, max + 1);
        while (cp is >= 0xD800 and <= 0xDFFF);
        AppendCodePoint(sb, cp);
    }

    private void LoneSurrogate(StringBuilder sb)
    {
        switch (_random.Next(4))
        {
            case 0: sb.Append((char)_random.Next(0xD800, 0xDC00)); break;          // high, maybe paired by chance with what follows
            case 1: sb.Append((char)_random.Next(0xDC00, 0xE000)); break;          // low
            case 2: sb.Append('\uDC00').Append('\uD800'); break;                   // reversed pair
            default: sb.Append('\uD83D').Append('x').Append('\uDE00'); break;     // a pair split by a letter
        }
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF) cp = 0xFFFD;
        if (cp < 0x10000) sb.Append((char)cp);
        else sb.Append(char.ConvertFromUtf32(cp));
    }
}
