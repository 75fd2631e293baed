using System.Text.RegularExpressions;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>
/// The Split patterns of real tokenizer.json files (Oniguruma syntax, as the files hold them), each with a .NET regex that
/// matches the same on BMP text. Both engines backtrack, try alternatives left to right and read <c>\s</c>,
/// <c>\p{..}</c> and <c>(?!\S)</c> alike there; only the case-insensitive contractions are spelled out (see
/// <see cref="DotNetPatterns"/>). DeepSeek V3 applies its three in sequence; each is proven alone.
/// </summary>
internal static class HfPatterns
{
    public const string DeepSeekDigits = "\\p{N}{1,3}";

    public const string DeepSeekCjk = "[\u4E00-\u9FA5\u3040-\u309F\u30A0-\u30FF]+";

    public const string DeepSeekWords =
        "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\u000D\u000A\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+"
        + "| ?[\\p{P}\\p{S}]+[\u000D\u000A]*|\\s*[\u000D\u000A]+|\\s+(?!\\S)|\\s+";

    public static readonly Dictionary<string, string> ByName = new()
    {
        ["gpt2"] = Tokenizers.PreTokenization.Regex.KnownPatterns.Gpt2,
        ["llama3"] = Tokenizers.PreTokenization.Regex.KnownPatterns.Cl100k,
        ["qwen2"] = Tokenizers.PreTokenization.Regex.KnownPatterns.Qwen2,
        ["o200k"] = Tokenizers.PreTokenization.Regex.KnownPatterns.O200k,
        ["tekken"] = Tokenizers.PreTokenization.Regex.KnownPatterns.Tekken,
        ["deepseek-digits"] = DeepSeekDigits,
        ["deepseek-cjk"] = DeepSeekCjk,
        ["deepseek-words"] = DeepSeekWords,
    };

    public static TheoryData<string> Names => new(ByName.Keys);

    /// <summary>The patterns that map onto a hand-written scanner, each with its scanner.</summary>
    private static readonly (string Name, Type Scanner)[] s_mapped =
    [
        ("gpt2", typeof(Tokenizers.PreTokenization.Gpt2PreTokenizer)),
        ("llama3", typeof(Tokenizers.PreTokenization.Cl100kPreTokenizer)),
        ("qwen2", typeof(Tokenizers.PreTokenization.Qwen2PreTokenizer)),
        ("o200k", typeof(Tokenizers.PreTokenization.O200kPreTokenizer)),
        ("tekken", typeof(Tokenizers.PreTokenization.TekkenPreTokenizer)),
    ];

    public static TheoryData<string> Mapped => new(s_mapped.Select(m => m.Name));

    public static TheoryData<string, Type> MappedScanners => new(s_mapped);

    public static Regex DotNet(string name) => DotNetPatterns.ForPattern(ByName[name]);

    /// <summary>
    /// Hugging Face's Isolated split on .NET's matches: each match and each gap is a piece, empty ones dropped. .NET
    /// resumes after an empty match one char on, as onig's find_iter does (where it does not, the cut is already there).
    /// </summary>
    public static List<string> Isolated(Regex regex, string text)
    {
        var pieces = new List<string>();
        int position = 0;
        foreach (ValueMatch match in regex.EnumerateMatches(text))
        {
            if (match.Index > position) pieces.Add(text[position..match.Index]);
            if (match.Length > 0) pieces.Add(text.Substring(match.Index, match.Length));
            position = match.Index + match.Length;
        }
        if (position < text.Length) pieces.Add(text[position..]);
        return pieces;
    }

    /// <summary>The scanner's pieces, or null when it returns a length out of range.</summary>
    public static List<string>? Scan(Tokenizers.PreTokenization.PreTokenizer scanner, string text)
    {
        var pieces = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            int length = scanner.NextPieceLength(text, i);
            if (length < 1 || length > text.Length - i) return null;
            pieces.Add(text.Substring(i, length));
            i += length;
        }
        return pieces;
    }
}
