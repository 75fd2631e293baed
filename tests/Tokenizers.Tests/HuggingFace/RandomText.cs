using System.Text;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Seeded random text for differential runs: words of several scripts, digits, punctuation, whitespace runs, emoji
/// and other astral chars, lone surrogates, and long runs of one char or one short pattern (where merge order matters most).
/// </summary>
internal sealed class RandomText(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] s_pools =
    [
        "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "etaoinshrdlu", "0123456789", " ", "  \t\n\r",
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "àéîõüçñßøæœ", "абвгдежзийклмнопрстуфхцчшщъыьэюя", "αβγδεζηθικλμνξοπρστυφχψω",
        "的一是不了人我在有他这中大来上国日本語漢字", "かなカナひらがなー々", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "अआइईउकखगघचछजझटठडढणतथदधनपफबभमयरलवशसह\u093E\u093F\u094D",
        "가나다라마바사아자차카타파하한국어글", "—–…«»“”‘’€£¥©®™°±×÷→★♥", "\u0300\u0301\u0308\u200B\u200D\uFEFF\u00A0\u3000",
    ];

    private static readonly string[] s_words =
    [
        "the", " the", " and", "ing", " of", " to", "tion", " in", "Hello", " world", "'s", "'re", "n't", " I", "://",
        "https", ".com", "    ", "\n\n", "\r\n", "1234", "2024", "...", "!!", "??", " ---", "===", "**", "__init__", "();",
        "{\"", "\"}", "</div>", "<|endoftext|>", "<|begin_of_text|>", "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "𝐀𝐁", "𠀀", "\uD800", "\uDFFF",
        // Tokens Llama 3 builds from halves ranked after them (its guarded pieces), whole and around other text.
        ".:.:", ".:.:.:.:", " thời", " nghiệ", " lợi", " ông", "maktadır", " yılında", "しているる", "っている", " rozhod", "ující",
    ];

    public string Next()
    {
        var sb = new StringBuilder();
        int parts = _random.Next(1, 12);
        for (int p = 0; p < parts; p++)
        {
            switch (_random.Next(10))
            {
                case < 4:
                    sb.Append(s_words[_random.Next(s_words.Length)]);
                    break;
                case < 8:
                {
                    string pool = s_pools[_random.Next(s_pools.Length)];
                    int n = _random.Next(1, 9);
                    for (int i = 0; i < n; i++) sb.Append(pool[_random.Next(pool.Length)]);
                    break;
                }
                case 8:
                {
                    // A long run of one char or a short pattern.
                    string pool = s_pools[_random.Next(s_pools.Length)];
                    string unit = pool.Substring(_random.Next(pool.Length), 1) + (_random.Next(2) == 0 ? "" : pool[_random.Next(pool.Length)].ToString());
                    int n = _random.Next(4, 80);
                    for (int i = 0; i < n; i++) sb.Append(unit);
                    break;
                }
                default:
                    sb.Append(char.ConvertFromUtf32(_random.Next(2) == 0 ? _random.Next(0x20, 0xD800) : _random.Next(0x10000, 0x30000)));
                    break;
            }
        }
        return sb.ToString();
    }
}
