using System;

namespace Tokenizers.Bpe;

/// <summary>Finds special-token text in input (special tokens are few, so an ordinal search per token is enough).</summary>
internal static class SpecialTokenSearch
{
    /// <summary>The earliest allowed special token at or after <paramref name="from"/> (the longest on a tie), or -1.</summary>
    public static int FindAllowed(ReadOnlySpan<char> text, int from, SpecialToken[] specials, SpecialTokenPolicy policy, out SpecialToken found)
    {
        int best = -1;
        found = default;
        foreach (var special in specials)
        {
            if (!policy.IsAllowed(special.Text)) continue;
            int at = text[from..].IndexOf(special.Text.AsSpan(), StringComparison.Ordinal);
            if (at < 0) continue;
            at += from;
            if (best < 0 || at < best || (at == best && special.Text.Length > found.Text.Length))
            {
                best = at;
                found = special;
            }
        }
        return best;
    }

    /// <summary>Throws, naming the earliest one, when the text spells a special token the policy does not allow (tiktoken's <c>disallowed_special</c>).</summary>
    public static void ThrowIfDisallowed(ReadOnlySpan<char> text, SpecialToken[] specials, SpecialTokenPolicy policy)
    {
        int first = -1;
        string? token = null;
        foreach (var special in specials)
        {
            if (policy.IsAllowed(special.Text)) continue;
            int at = text.IndexOf(special.Text.AsSpan(), StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
                token = special.Text;
            }
        }
        if (token is not null) throw new DisallowedSpecialTokenException(token, first);
    }
}
