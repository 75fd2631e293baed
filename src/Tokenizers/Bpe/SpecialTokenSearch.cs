using System;

namespace Tokenizers.Bpe;

/// <summary>
/// Finds special-token text in input. An encode asks for the next allowed token again and again, from further on
/// each time; <see cref="Cursor"/> remembers where each token occurs next (or that it does not occur again), so that
/// every token's text is scanned once over the input, however many hits the others have: linear in the input.
/// </summary>
internal static class SpecialTokenSearch
{
    /// <summary>Where each allowed special token occurs next in one text; a fresh cursor per encode.</summary>
    public ref struct Cursor
    {
        private const int Unknown = int.MinValue, Absent = -1;

        private readonly ReadOnlySpan<char> _text;
        private readonly SpecialToken[] _specials;
        private readonly SpecialTokenPolicy _policy;
        private readonly Span<int> _next;

        /// <summary>A cursor over <paramref name="text"/>, for <paramref name="specials"/> as <paramref name="policy"/> allows them; <paramref name="next"/> (one int per special token at least) holds the remembered positions.</summary>
        public Cursor(ReadOnlySpan<char> text, SpecialToken[] specials, SpecialTokenPolicy policy, Span<int> next)
        {
            _text = text;
            _specials = specials;
            _policy = policy;
            _next = next[..specials.Length];
            for (int i = 0; i < _next.Length; i++) _next[i] = policy.IsAllowed(specials[i].Text) ? Unknown : Absent;
            Searches = 0;
        }

        /// <summary>How many ordinal searches of the text were made (for tests of linearity).</summary>
        public int Searches { get; private set; }

        /// <summary>The earliest allowed special token at or after <paramref name="from"/> (the longest on a tie), or -1.</summary>
        public int FindAllowed(int from, out SpecialToken found)
        {
            int best = -1;
            found = default;
            for (int i = 0; i < _specials.Length; i++)
            {
                int at = _next[i];
                if (at == Absent) continue;
                if (at < from)
                {
                    // Unknown, or a hit that an earlier token covered: look again from here.
                    Searches++;
                    at = _text[from..].IndexOf(_specials[i].Text.AsSpan(), StringComparison.Ordinal);
                    _next[i] = at = at < 0 ? Absent : at + from;
                    if (at == Absent) continue;
                }
                var special = _specials[i];
                if (best < 0 || at < best || (at == best && special.Text.Length > found.Text.Length))
                {
                    best = at;
                    found = special;
                }
            }
            return best;
        }
    }

    /// <summary>Special tokens up to this many keep their cursor on the stack.</summary>
    public const int StackLimit = 64;

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
