using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Tokenizers.Cli.Conversion;

/// <summary>A merge: two tokens whose concatenation is a token. Strings are in <see cref="ByteLevelAlphabet"/>.</summary>
public readonly record struct Merge(string Left, string Right)
{
    public string Result => Left + Right;

    public override string ToString() => Left + " " + Right;
}

/// <summary>Recovers merges from ranks, the inverse of tiktoken reading GPT-2's vocab.bpe.</summary>
public static class MergesDeriver
{
    /// <summary>
    /// One merge per multi-byte token, in rank order. A token's merge is the last step of BPE on its own bytes
    /// restricted to lower ranks (tiktoken's byte-pair merge: merge the adjacent pair with the lowest rank, leftmost
    /// on ties, until two parts remain). Merge priority then equals rank order, which tiktoken's encoder assumes.
    /// </summary>
    /// <exception cref="InvalidDataException">A token cannot be built from lower-ranked tokens.</exception>
    public static IReadOnlyList<Merge> Derive(IReadOnlyDictionary<string, int> ranks)
    {
        var merges = new List<Merge>(ranks.Count);
        foreach (KeyValuePair<string, int> token in ranks.Where(t => t.Key.Length > 1).OrderBy(t => t.Value))
        {
            merges.Add(Split(token.Key, token.Value, ranks));
        }
        return merges;
    }

    /// <summary>The split BPE makes of <paramref name="token"/> using only ranks below <paramref name="maxRank"/>.</summary>
    public static Merge Split(string token, int maxRank, IReadOnlyDictionary<string, int> ranks)
    {
        // Parts start as single bytes whatever their ranks: tiktoken never looks bytes up before merging them.
        var parts = token.Select(c => c.ToString()).ToList();
        while (parts.Count > 2)
        {
            int best = -1;
            int bestRank = maxRank;
            for (int i = 0; i + 1 < parts.Count; i++)
            {
                // Strict '<' keeps the leftmost of equal ranks, as tiktoken does.
                if (ranks.TryGetValue(parts[i] + parts[i + 1], out int rank) && rank < bestRank)
                {
                    best = i;
                    bestRank = rank;
                }
            }
            if (best < 0)
            {
                throw new InvalidDataException(
                    $"token {ByteLevelText.Describe(token)} (rank {maxRank}) is unreachable: BPE with lower ranks stops at {parts.Count} parts [{string.Join(" ", parts)}]");
            }
            parts[best] += parts[best + 1];
            parts.RemoveAt(best + 1);
        }
        return new Merge(parts[0], parts[1]);
    }
}
