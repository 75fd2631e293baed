using System.Globalization;
using System.Text;
using Tokenizers.OpenAI;

namespace Tokenizers.Fuzz.Tests;

/// <summary>Our side of a comparison, in the oracle's terms, and the shrinking of a mismatch to a minimal reproducer.</summary>
public static class Differential
{
    private static readonly Dictionary<string, ITokenizer> s_tokenizers =
        OpenAIEncodings.Names.ToDictionary(n => n, n => OpenAIEncodings.Get(n));

    public static IReadOnlyList<string> Encodings => OpenAIEncodings.Names;

    /// <summary>What our encoder gives, as tiktoken would report it (ids, or the disallowed special token's error).</summary>
    public static OracleResult Ours(string text, string encoding, OracleMode mode)
    {
        ITokenizer tokenizer = s_tokenizers[encoding];
        try
        {
            IReadOnlyList<int> ids = mode switch
            {
                OracleMode.Ordinary => tokenizer.EncodeToIds(text),
                OracleMode.All => tokenizer.EncodeToIds(text, SpecialTokenPolicy.All),
                _ => tokenizer.EncodeToIds(text, SpecialTokenPolicy.Disallow),
            };
            return new OracleResult(ids.ToArray(), null);
        }
        catch (DisallowedSpecialTokenException e)
        {
            return new OracleResult(null, "The text contains a special token that is not allowed: " + e.Token);
        }
    }

    public static bool Same(OracleResult ours, OracleResult theirs) =>
        ours.Ids is not null && theirs.Ids is not null ? ours.Ids.AsSpan().SequenceEqual(theirs.Ids) : ours.Error == theirs.Error;

    /// <summary>Shrinks a text on which ours and tiktoken disagree to a minimal reproducer.</summary>
    public static string Shrink(TiktokenOracle oracle, string text, string encoding, OracleMode mode, int maxAttempts = 4000) =>
        Shrink(text, candidate => !Same(Ours(candidate, encoding, mode), oracle.Query(candidate, encoding, mode)), maxAttempts);

    /// <summary>
    /// Drops code points (whole chunks first, then one at a time) while <paramref name="fails"/> still holds, so the
    /// result is minimal: removing any single code point makes it pass.
    /// </summary>
    public static string Shrink(string text, Func<string, bool> fails, int maxAttempts = 4000)
    {
        bool Fails(List<string> units) => fails(string.Concat(units));

        List<string> current = Units(text);
        int attempts = 0;
        for (int chunk = Math.Max(1, current.Count / 2); ; chunk = Math.Max(1, chunk / 2))
        {
            bool removedAny = false;
            for (int start = 0; start < current.Count && attempts < maxAttempts; attempts++)
            {
                int length = Math.Min(chunk, current.Count - start);
                var candidate = new List<string>(current);
                candidate.RemoveRange(start, length);
                if (Fails(candidate))
                {
                    current = candidate;
                    removedAny = true;
                }
                else
                {
                    start += length;
                }
            }
            if (attempts >= maxAttempts || (chunk == 1 && !removedAny)) break;
        }
        return string.Concat(current);
    }

    /// <summary>Code points, with a lone surrogate as a unit of its own.</summary>
    private static List<string> Units(string text)
    {
        var units = new List<string>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                units.Add(text.Substring(i, 2));
                i++;
            }
            else
            {
                units.Add(text[i].ToString());
            }
        }
        return units;
    }

    /// <summary>A C# literal for <paramref name="text"/> (printable ASCII as is, everything else escaped).</summary>
    public static string Literal(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c is >= ' ' and <= '~') sb.Append(c);
                    else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
