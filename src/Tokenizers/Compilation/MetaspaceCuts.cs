using System;
using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>
/// Where a SentencePiece-style piece can be cut into words that merge to the same ids. Llama 2 and Gemma 3 hand the
/// model the whole text as one piece, and merging a megabyte char by char is slow (Hugging Face's own speed on them).
/// A cut before a <c>▁</c> whose preceding char <c>p</c> is not <c>▁</c> is exact when no token spells <c>p▁</c>:
/// a merge across the cut would build such a token, so no merge crosses it, and Hugging Face's merging of the whole
/// piece (lowest merge first, leftmost on ties) is the merging of each side alone. The <c>▁</c> must be a token
/// itself, so that the unknown-char handling (a pending unk is written before the next char token) cannot span the
/// cut either. Computed at build time from the vocabulary; the tokens that spell <c>p▁</c> give the blocked chars.
/// </summary>
internal static class MetaspaceCuts
{
    /// <summary>SentencePiece's meta space, as its converted tokenizer.json files spell a space.</summary>
    public const char Meta = '\u2581';

    /// <summary>More blocked chars than this and the cut is not worth checking: the model's pieces are merged whole.</summary>
    public const int MaxBlocked = 64;

    /// <summary>The bit of the meta value that says a word's leading run of meta chars merges alone (<see cref="RunMergesAlone"/>).</summary>
    public const uint RunFlag = 1u << 16;

    /// <summary>
    /// The info table's cut values: the meta char (0: no cuts; with <see cref="RunFlag"/> when
    /// <paramref name="runMergesAlone"/>) and the count of blocked chars, then those chars.
    /// </summary>
    /// <param name="tokens">The model's token strings by id (null where an id has none).</param>
    /// <param name="metaIsToken">Whether <c>▁</c> alone is a token.</param>
    /// <param name="runMergesAlone">What <see cref="RunMergesAlone"/> gives for the model's merges.</param>
    public static List<uint> InfoValues(IReadOnlyList<string?> tokens, bool metaIsToken, bool runMergesAlone = false)
    {
        var blocked = new SortedSet<char>();
        if (metaIsToken)
        {
            foreach (string? token in tokens)
            {
                if (token is null || token.Length < 2) continue;
                for (int i = token.IndexOf(Meta, 1); i > 0; i = i + 1 < token.Length ? token.IndexOf(Meta, i + 1) : -1)
                    if (token[i - 1] != Meta) blocked.Add(token[i - 1]);
                if (blocked.Count > MaxBlocked) break;
            }
        }
        if (!metaIsToken || blocked.Count > MaxBlocked) return new List<uint> { 0, 0 };
        var values = new List<uint> { Meta | (runMergesAlone ? RunFlag : 0), (uint)blocked.Count };
        foreach (char c in blocked) values.Add(c);
        return values;
    }

    /// <summary>
    /// Whether a word that starts with a run of two or more <c>▁</c> and goes on with another char merges as the run
    /// alone, then the rest alone (the rest taking the run's last token when that is a lone <c>▁</c>). Exact when every
    /// merge of two runs comes before every merge of a run with a token that starts with another char, and no merge
    /// builds a token that starts with two <c>▁</c> and holds another char. Hugging Face's merging of the word then
    /// joins the run's chars as it would join the run alone (each of those merges comes before any that reaches across),
    /// while the rest merges as it would alone; after that, only a lone <c>▁</c> at the run's end can still join the
    /// rest, and nothing before it can join the result. Gemma 3's indentation is such a run.
    /// </summary>
    public static bool RunMergesAlone(IReadOnlyList<MergeEntry> merges)
    {
        int lastRunMerge = -1, firstCrossing = int.MaxValue;
        foreach (var m in merges)
        {
            if (m.Left.Length == 0 || m.Right.Length == 0) continue;
            bool leftRun = IsRun(m.Left), rightRun = IsRun(m.Right);
            if (leftRun && rightRun) lastRunMerge = Math.Max(lastRunMerge, m.Index);
            else if (leftRun && m.Right[0] != Meta) firstCrossing = Math.Min(firstCrossing, m.Index);
            // The merged token starts with two '▁' and holds another char.
            char second = m.Left.Length > 1 ? m.Left[1] : m.Right[0];
            if (m.Left[0] == Meta && second == Meta && !(leftRun && rightRun)) return false;
        }
        return lastRunMerge >= 0 && lastRunMerge < firstCrossing;
    }

    private static bool IsRun(string text)
    {
        foreach (char c in text)
            if (c != Meta) return false;
        return true;
    }

    /// <summary>For the generated file's header.</summary>
    public static string Describe(List<uint> values) =>
        (values[0] == 0 ? "pieces merged whole (no safe cut before '▁')"
        : values[1] == 0 ? "pieces cut into words before each '▁' that follows another char"
        : $"pieces cut into words before each '▁' that follows another char, except after the {values[1]} char(s) a token joins to '▁'")
        + ((values[0] & RunFlag) != 0 ? "; a word's leading run of '▁' merges alone" : "");
}
