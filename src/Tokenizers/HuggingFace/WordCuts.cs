using System;

namespace Tokenizers.HuggingFace;

/// <summary>
/// Cuts a SentencePiece-style piece into words that merge to the same ids, where the builder proved it exact
/// (<see cref="Compilation.MetaspaceCuts"/>): before each meta char that follows a char other than itself and the
/// blocked ones; and, when <paramref name="runsMergeAlone"/>, a word's leading run of meta chars from the rest.
/// </summary>
internal readonly ref struct WordCuts(char meta, ReadOnlySpan<uint> blocked, bool runsMergeAlone = false)
{
    private readonly ReadOnlySpan<uint> _blocked = blocked;

    /// <summary>The meta char words start with; '\0' when words are not cut.</summary>
    public char Meta => meta;

    /// <summary>
    /// The length of the run of two or more meta chars that starts <paramref name="word"/> and merges alone, before
    /// the rest (<see cref="Compilation.MetaspaceCuts.RunMergesAlone"/>); 0 when there is none, or no rest.
    /// </summary>
    public int LeadingRun(ReadOnlySpan<char> word)
    {
        if (!runsMergeAlone) return 0;
        int run = 0;
        while (run < word.Length && word[run] == meta) run++;
        return run >= 2 && run < word.Length ? run : 0;
    }

    /// <summary>Whether a word ends after <paramref name="before"/> when a meta char follows it.</summary>
    public bool CutsAfter(char before) => meta != '\0' && before != meta && !IsBlocked(before);

    /// <summary>The end of the word that starts at <paramref name="start"/> (the piece's length for its last word).</summary>
    public int WordEnd(ReadOnlySpan<char> piece, int start)
    {
        if (meta == '\0') return piece.Length;
        for (int from = start + 1; from < piece.Length;)
        {
            int found = piece[from..].IndexOf(meta);
            if (found < 0) break;
            int at = from + found;
            if (CutsAfter(piece[at - 1])) return at;
            from = at + 1;
        }
        return piece.Length;
    }

    private bool IsBlocked(char c)
    {
        foreach (uint b in _blocked)
            if (b == c) return true;
        return false;
    }
}
