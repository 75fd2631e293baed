using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Tokenizers.Benchmarks;

/// <summary>
/// The inputs, the same for every library. Only the-verdict comes from outside (../shared beside the checkout, or
/// TOKENIZERS_SHARED); it is read at run time and never committed. Everything else is generated from a fixed seed or
/// is this repository's own source.
/// </summary>
public static class Corpora
{
    public const string Prose = "prose", Unique = "unique-words", Code = "code", Multilingual = "multilingual";

    /// <summary>The four corpora of about 1 MB that every library is measured on.</summary>
    public static readonly string[] Names = [Prose, Unique, Code, Multilingual];

    private static readonly Dictionary<string, string> Cache = new();

    public static string Get(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out string? text)) Cache[name] = text = Build(name);
            return text;
        }
    }

    private static string Build(string name) => name switch
    {
        Prose => ProseText(),
        Unique => UniqueWords(1_000_000, seed: 1),
        Code => SourceCode(1_000_000),
        Multilingual => MultilingualText(1_000_000, seed: 2),
        _ when name.StartsWith("letters-", StringComparison.Ordinal) => RandomLetters(int.Parse(name["letters-".Length..]), seed: 3),
        _ when name.StartsWith("specials-", StringComparison.Ordinal) => WithSpecialTokens(int.Parse(name["specials-".Length..])),
        _ => throw new ArgumentException($"Unknown corpus '{name}'."),
    };

    /// <summary>Prose with "&lt;|endoftext|&gt;" every ~1,000 chars, <paramref name="length"/> chars in all (issue 12 §4).</summary>
    private static string WithSpecialTokens(int length)
    {
        string prose = ProseText();
        var sb = new StringBuilder(length + 1000);
        for (int at = 0; sb.Length < length; at = (at + 987) % (prose.Length - 987))
            sb.Append(prose, at, 987).Append("<|endoftext|>");
        return sb.ToString(0, length);
    }

    public static string Describe(string name) => name switch
    {
        Prose => SharedFile("data/the-verdict.txt") is null ? "generated English, common words (../shared absent)" : "the-verdict.txt ×50",
        Unique => "English-like text in which no word repeats (defeats per-word caches)",
        Code => "this repository's C# sources",
        Multilingual => "generated text in 14 languages and 9 scripts",
        _ => name,
    };

    /// <summary>English prose: the-verdict ×50, as the issue measures it.</summary>
    private static string ProseText()
    {
        string? verdict = SharedFile("data/the-verdict.txt");
        if (verdict is null)
        {
            Console.Error.WriteLine("// ../shared/data/the-verdict.txt not found: 'prose' falls back to generated English");
            return EnglishText(1_000_000, seed: 4);
        }
        var sb = new StringBuilder(verdict.Length * 50);
        for (int i = 0; i < 50; i++) sb.Append(verdict);
        return sb.ToString();
    }

    /// <summary>
    /// A corpus for training: 80% English-like prose over 40,000 pseudo-words (so merges have words to learn), 20%
    /// multilingual text, about <paramref name="size"/> chars.
    /// </summary>
    public static string TrainingText(int size)
        => UniqueWords(size * 4 / 5, seed: 5, vocabulary: 40_000) + "\n" + MultilingualText(size / 5, seed: 6);

    /// <summary>Short texts for batch encoding: the prose corpus cut into lines of at least 40 chars.</summary>
    public static string[] ShortTexts(int count)
    {
        var lines = new List<string>();
        var sb = new StringBuilder();
        foreach (string line in Get(Prose).Split('\n'))
        {
            sb.Append(line).Append('\n');
            if (sb.Length < 40) continue;
            lines.Add(sb.ToString());
            sb.Clear();
            if (lines.Count == count) break;
        }
        while (lines.Count < count) lines.Add(lines[lines.Count % Math.Max(1, lines.Count)]);
        return lines.ToArray();
    }

    public static string? SharedFile(string relative)
    {
        string? dir = Environment.GetEnvironmentVariable("TOKENIZERS_SHARED");
        if (string.IsNullOrEmpty(dir))
        {
            string? root = RepoRoot();
            if (root is null) return null;
            dir = Path.Combine(root, "..", "shared");
        }
        string path = Path.Combine(dir, relative);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>The checkout's root (where Tokenizers.sln is), searched upwards from the binary and the working directory.</summary>
    public static string? RepoRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Tokenizers.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>This repository's C# sources (no generated or build output), repeated up to <paramref name="size"/> chars.</summary>
    private static string SourceCode(int size)
    {
        string root = RepoRoot() ?? throw new InvalidOperationException("Run from inside the checkout: the code corpus is its own sources.");
        var files = new[] { "src", "generators", "tests" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("\\obj\\") && !f.Contains("\\bin\\") && !f.EndsWith(".verified.cs"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var sb = new StringBuilder(size + 100_000);
        while (sb.Length < size)
            foreach (string f in files)
            {
                sb.Append(File.ReadAllText(f));
                if (sb.Length >= size) break;
            }
        // Our sources spell special tokens such as <|endoftext|>, which two of the libraries would treat as control tokens.
        return sb.ToString(0, size).Replace("<|", "< |");
    }

    // Common English words, most frequent first (written for this benchmark), for prose when the-verdict is absent.
    private static readonly string[] EnglishWords = (
        "the of and to a in that it is was I for on you he be with as by at have are this not but had his they from she " +
        "which or we an there her were one do been all their has would will what if can when so no said who more about " +
        "up out them some could him into its then two time like only other now my over than first new people me these " +
        "very any may after made most also did many before must through back years where much your way down should " +
        "because each just those how too little good well man say great old same another while last long world day " +
        "under never life house might still here against part again place around however home small found thought went " +
        "hand light night face picture painted studio wife room once seemed look eyes moment felt work woman told knew " +
        "friend began something nothing always without himself nothing almost among enough whole course side turned " +
        "looked heard water large often together money across toward having although young perhaps quite kind since " +
        "morning evening garden letter window table voice silence answer question reason manner colour canvas portrait")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>English-like prose: real common words, Zipf-distributed, in sentences with commas and paragraphs.</summary>
    private static string EnglishText(int size, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(size + 200);
        while (sb.Length < size)
        {
            int words = rng.Next(5, 22);
            for (int w = 0; w < words; w++)
            {
                if (w > 0) sb.Append(' ');
                string word = EnglishWords[Zipf(rng, EnglishWords.Length)];
                sb.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                if (w + 1 < words && rng.Next(9) == 0) sb.Append(rng.Next(6) == 0 ? ";" : ",");
            }
            sb.Append(rng.Next(10) == 0 ? "?" : rng.Next(12) == 0 ? "!" : ".");
            sb.Append(rng.Next(7) == 0 ? "\n\n" : " ");
        }
        return sb.ToString();
    }

    private static readonly string[] Syllables =
    [
        "ba", "be", "bi", "bo", "bu", "ca", "ce", "co", "da", "de", "di", "do", "fa", "fe", "fi", "ga", "ge", "go", "ha", "he",
        "hi", "ho", "ja", "ka", "ke", "ki", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu", "na", "ne", "ni", "no",
        "pa", "pe", "pi", "po", "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "ta", "te", "ti", "to", "tu", "va", "ve",
        "vi", "wa", "we", "ya", "za", "ing", "er", "ed", "tion", "an", "en", "in", "on", "th", "st", "ch", "sh", "str", "pl", "gr",
    ];

    private static readonly string[] Glue = ["the", "a", "of", "and", "to", "in", "was", "he", "she", "it", "that", "with", "I", "had"];

    /// <summary>
    /// English-like sentences of pseudo-words. With <paramref name="vocabulary"/> = 0 no word occurs twice, so a
    /// per-word cache never hits; otherwise words are drawn from that many.
    /// </summary>
    private static string UniqueWords(int size, int seed, int vocabulary = 0)
    {
        var rng = new Random(seed);
        var seen = new HashSet<string>();
        var pool = new List<string>();
        var sb = new StringBuilder(size + 200);
        var word = new StringBuilder();
        while (sb.Length < size)
        {
            int words = rng.Next(6, 20);
            for (int w = 0; w < words; w++)
            {
                if (w > 0) sb.Append(' ');
                if (rng.Next(4) == 0)
                {
                    sb.Append(Glue[rng.Next(Glue.Length)]); // common words repeat, as they do in prose
                    continue;
                }
                string next;
                if (vocabulary > 0 && pool.Count >= vocabulary) next = pool[rng.Next(pool.Count)];
                else
                {
                    do
                    {
                        word.Clear();
                        int syl = rng.Next(1, 5);
                        for (int s = 0; s < syl; s++) word.Append(Syllables[rng.Next(Syllables.Length)]);
                        next = word.ToString();
                    }
                    while (!seen.Add(next));
                    pool.Add(next);
                }
                sb.Append(w == 0 ? char.ToUpperInvariant(next[0]) + next[1..] : next);
                if (w + 1 < words && rng.Next(10) == 0) sb.Append(',');
            }
            sb.Append(rng.Next(8) == 0 ? "?" : ".");
            sb.Append(rng.Next(6) == 0 ? "\n\n" : " ");
        }
        return sb.ToString();
    }

    // Word lists written for this benchmark (common words of each language); sentences are drawn from them at random.
    private static readonly (string[] Words, bool Spaces, string Stop)[] Languages =
    [
        ("le la les un une de des du et est dans pour avec sur pas plus mais comme nous vous ils elle été être avoir fait très où aussi après ça déjà château français garçon".Split(' '), true, "."),
        ("der die das und ist nicht mit sich auf für eine einem den dem auch über können müssen größer schön Straße Mädchen Grüße während würde Ärger".Split(' '), true, "."),
        ("el la los las de que y en un una por con para está son más pero como también año niño señor después mañana corazón canción".Split(' '), true, "."),
        ("и в не на я что он с как это по но они мы из у за от она так все было когда время человек жизнь сегодня хорошо спасибо".Split(' '), true, "."),
        ("και το η ο να είναι σε με για από δεν που τα της ένα θα αυτό όταν πολύ καλημέρα ευχαριστώ άνθρωπος ζωή θάλασσα".Split(' '), true, "."),
        ("的 一 是 不 了 在 人 有 我 他 这 个 们 中 来 上 大 为 和 国 地 到 以 说 时 要 就 出 会 可 也 你 对 生 能 而 子 那 得 于 着 下 自 之 年 过 发 后 作 里 用 道 行 所 然 家 种 事 成 方 多 经 么 去 法 学 如 都 同 现 当 没 动 面 起 看 定 天 分 还 进 好 小 部 其 些 主 样 理 心 她 本 前 开 但 因 只 从 想 实".Split(' '), false, "。"),
        ("私 は が の を に で と も 日本語 東京 今日 天気 勉強 します しました です ます ありがとう ござい ません 学校 先生 友達 食べる 行く 来る 見る カタカナ コンピューター プログラム".Split(' '), false, "。"),
        ("나는 너는 우리 그리고 하지만 있다 없다 한국어 서울 오늘 날씨 좋다 감사합니다 학교 선생님 친구 먹다 가다 오다 보다 사랑 시간 사람 생각".Split(' '), true, "."),
        ("في من على إلى أن هذا هذه التي الذي كان عن مع هو هي لا ما كل بين العربية اليوم شكرا مدرسة كتاب".Split(' '), true, "."),
        ("है के में की और को से एक यह था पर भी नहीं कि हैं तो हिन्दी भारत आज धन्यवाद विद्यालय किताब समय लोग".Split(' '), true, "।"),
        ("ve bir bu da de için ile çok daha gibi ama ne var yok Türkçe bugün teşekkür ederim okul öğretmen arkadaş güzel şehir".Split(' '), true, "."),
        ("và của là có không được một những trong cho người này đã với các Việt Nam hôm nay cảm ơn trường học sách thời gian".Split(' '), true, "."),
        ("i w nie na się z że do to jest jak ale po co tak już może polski dzisiaj dziękuję szkoła książka źródło żółć".Split(' '), true, "."),
        ("the of and to in is that for it with as was on be at by this have from English today thanks school book".Split(' '), true, "."),
    ];

    /// <summary>
    /// Sentences in 14 languages, each sentence in one language, mixed as a multilingual web corpus would be. Words
    /// follow a Zipf law over each language's common words and 4,000 more made from their letters, so that, as in real
    /// text, frequent words repeat and most distinct words are rare (a per-word cache hits often, but not always).
    /// </summary>
    private static string MultilingualText(int size, int seed)
    {
        var rng = new Random(seed);
        var vocabularies = new string[Languages.Length][];
        for (int l = 0; l < Languages.Length; l++)
        {
            var (common, _, _) = Languages[l];
            var words = new List<string>(common);
            var seen = new HashSet<string>(common);
            while (words.Count < common.Length + 4000)
            {
                // A new word from two or three pieces of common words (syllable-like runs of the same script).
                var w = new StringBuilder();
                int pieces = rng.Next(2, 4);
                for (int k = 0; k < pieces; k++)
                {
                    string from = common[rng.Next(common.Length)];
                    int len = Math.Min(from.Length, rng.Next(1, 4));
                    int at = rng.Next(from.Length - len + 1);
                    if (char.IsLowSurrogate(from[at]) || char.IsHighSurrogate(from[at + len - 1])) continue;
                    w.Append(from, at, len);
                }
                if (w.Length > 0 && seen.Add(w.ToString())) words.Add(w.ToString());
            }
            vocabularies[l] = words.ToArray();
        }
        var sb = new StringBuilder(size + 200);
        while (sb.Length < size)
        {
            int l = rng.Next(Languages.Length);
            var (_, spaces, stop) = Languages[l];
            string[] words = vocabularies[l];
            int n = rng.Next(5, 16);
            for (int w = 0; w < n; w++)
            {
                if (w > 0 && spaces) sb.Append(' ');
                sb.Append(words[Zipf(rng, words.Length)]);
                if (w + 1 < n && rng.Next(12) == 0) sb.Append(spaces ? "," : "、");
                if (rng.Next(40) == 0) sb.Append(spaces ? " " : "").Append(rng.Next(2000));
            }
            sb.Append(stop).Append(rng.Next(5) == 0 ? "\n" : spaces ? " " : "");
        }
        return sb.ToString();
    }

    /// <summary>A rank in [0, n) with probability proportional to 1 / (rank + 1), by inverting the harmonic sum's approximation.</summary>
    private static int Zipf(Random rng, int n)
    {
        double h = Math.Log(n) + 0.5772;
        int rank = (int)Math.Exp(rng.NextDouble() * h - 0.5772) - 1;
        return Math.Clamp(rank, 0, n - 1);
    }

    /// <summary>Random lower-case ASCII letters: one pre-tokenizer piece (for cl100k and o200k alike), the worst case for byte-pair merging.</summary>
    public static string RandomLetters(int length, int seed)
    {
        var rng = new Random(seed);
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + rng.Next(26));
        }
        return new string(chars);
    }

    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
