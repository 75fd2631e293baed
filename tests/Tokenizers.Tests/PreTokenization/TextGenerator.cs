using CsCheck;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// Generates BMP text (no surrogates: .NET's regex sees UTF-16 chars, so only there do chars equal code points)
/// built from short runs that exercise every branch of the tiktoken patterns: scripts, cases, marks, digits,
/// white space, contractions, punctuation, slashes and symbols.
/// </summary>
internal static class TextGenerator
{
    private const string LatinLower = "abcdefghijklmnopqrstuvwxyzßàéîõüçñøſꜰ";
    private const string LatinUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÉÎÕÜÇÑØ";
    private const string Cyrillic = "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯёЁ";
    private const string Greek = "αβγδεζηθικλμνξοπρςστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩάέήίόύώ";
    private const string Cjk = "的一是不了人我在有他这中大来上国日本語漢字かなカナひらがなー々ゝ";
    private const string Arabic = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي\u064B\u064E\u0650\u0670";
    private const string Devanagari = "अआइईउकखगघचछजझटठडढणतथदधनपफबभमयरलवशसह\u093E\u093F\u0940\u0941\u0902\u0903\u094D";
    private const string Hangul = "가나다라마바사아자차카타파하한국어글";
    private const string TitleAndModifier = "ǅǈǋǲᾈᾼʰˇᵃꜰ";
    private const string Marks = "\u0300\u0301\u0308\u0327\u20DD\u0488\u0903\u093E\u0E31\u064B";
    private const string Digits = "0123456789٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３４５６７８９²³½¼ⅫⅣ①₃";
    private const string WhiteSpace = "  \t\r\n\n\u000B\u000C\u0085\u00A0\u1680\u2003\u2009\u202F\u3000\u2028\u2029";
    private const string Punctuation = "'’.,!?;:-()[]{}\"#%&*@\\_/";
    private const string Symbols = "$+<=>^`|~€©°±×÷→∑✓★\u00AD\u200B\u200D\uFEFF\u0000\u0001\u007F\u0378\uE000\uFFFD\uFFFF";

    private static readonly string[] Contractions =
    [
        "'s", "'S", "'t", "'T", "'re", "'Re", "'rE", "'RE", "'ve", "'VE", "'vE", "'m", "'M",
        "'ll", "'LL", "'Ll", "'lL", "'d", "'D", "'ſ", "'x", "'", "''", "’s", "'r", "'l", "'v",
    ];

    private static Gen<string> Run(string pool, int max) => Gen.Char[pool].Array[1, max].Select(a => new string(a));

    private const string AsciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly Gen<string> Word = Gen.OneOf(
        // Long ASCII runs: the scanners take ASCII letters eight chars at a time, so runs cross those steps.
        Run(AsciiLetters, 20),
        Run(LatinLower, 6), Run(LatinUpper, 4), Run(LatinLower + LatinUpper, 6), Run(Cyrillic, 6), Run(Greek, 6),
        Run(Cjk, 4), Run(Arabic, 5), Run(Devanagari, 5), Run(Hangul, 4), Run(TitleAndModifier + LatinLower + LatinUpper, 5),
        Run(LatinLower + Marks, 4), Run(LatinUpper + Marks, 4));

    // Any BMP char that is not a surrogate, to reach classes the pools miss.
    private static readonly Gen<string> AnyBmp = Gen.Frequency(
        (3, Gen.Char['\u0000', '\uD7FF']), (1, Gen.Char['\uE000', '\uFFFF'])).Select(c => c.ToString());

    private static readonly Gen<string> Piece = Gen.Frequency(
        (30, Word),
        (8, Run(Marks, 2)),
        (10, Run(Digits, 5)),
        (20, Run(WhiteSpace, 4)),
        (6, Gen.OneOfConst(" ", "  ", "\n", "\r\n", "\n\n", " \n ")),
        (10, Gen.OneOfConst(Contractions)),
        (10, Run(Punctuation, 3)),
        (5, Gen.OneOfConst("/", "//", "\n/", "/\n", "://")),
        (5, Run(Symbols, 2)),
        (4, AnyBmp));

    /// <summary>Concatenations of up to 24 runs.</summary>
    public static readonly Gen<string> Text = Piece.Array[0, 24].Select(string.Concat);

    // Astral code points of each class the patterns tell apart (So, Sk, Lu, Ll, Nd, Lo, Mn, Mc, Cf, No, Nl, Lm)
    // and lone surrogates, which the scanners read as U+FFFD.
    private static readonly string[] Astral =
    [
        "😀", "👍🏽", "🇦", "𝐀", "𝑎", "𝟏", "𠀀", "\U0001D518", "\U0001D167", "\U0001D165", "\U00010400", "\U00010428",
        "\U000E0001", "\U00010107", "\U00012400", "\U0001E900", "\U0001E922", "\U0001E944", "\U0001E950", "\U00016F93",
        "\uD800", "\uDFFF",
    ];

    /// <summary>Like <see cref="Text"/>, with astral code points and lone surrogates among the runs.</summary>
    public static readonly Gen<string> TextWithAstral =
        Gen.Frequency((4, Piece), (1, Gen.OneOfConst(Astral))).Array[0, 24].Select(string.Concat);
}
