using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Tokenizers.Compilation;

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
    /// on ties, until two parts remain), which is the split the generator's backtracking encoder is built on: both
    /// come from <see cref="SplitTableBuilder"/>. Merge priority then equals rank order, which tiktoken's encoder assumes.
    /// </summary>
    /// <exception cref="InvalidDataException">A token cannot be built from lower-ranked tokens.</exception>
    public static IReadOnlyList<Merge> Derive(IReadOnlyDictionary<string, int> ranks)
    {
        var tokens = new List<(byte[] Bytes, int Rank, int Id)>(ranks.Count);
        foreach (KeyValuePair<string, int> token in ranks) tokens.Add((ByteLevelAlphabet.Decode(token.Key), token.Value, token.Value));
        ushort[] splits = SplitTableBuilder.Build(tokens, partial: true)
            ?? throw new InvalidDataException($"a token is longer than the {ushort.MaxValue} bytes a split can say");
        var merges = new List<Merge>(ranks.Count);
        foreach (KeyValuePair<string, int> token in ranks.Where(t => t.Key.Length > 1).OrderBy(t => t.Value))
        {
            // Keys spell one char a byte, so the split's byte length is its char length.
            int split = splits[token.Value];
            if (split == 0)
            {
                throw new InvalidDataException(
                    $"token {ByteLevelText.Describe(token.Key)} (rank {token.Value}) is unreachable: no pair of lower-ranked tokens that BPE on its bytes would merge builds it");
            }
            merges.Add(new Merge(token.Key.Substring(0, split), token.Key.Substring(split)));
        }
        return merges;
    }
}
