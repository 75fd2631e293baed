using System;
using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>
/// Per byte pair: below which rank no merge can join a boundary between those two bytes. Entry <c>x · 256 + y</c>
/// is the lowest rank of a token whose last merge splits it between a byte x and a byte y, or <see cref="Cap"/> where
/// that is higher or no token splits there. A boundary check (<see cref="MergeBoundary.IsKept{TTokens}"/>) undoes
/// merges in falling rank order and looks only for a cross merge ranked below the one it undoes, so once that rank
/// falls to the floor of the boundary's two bytes, the boundary holds without the rest of its walks. Built at build
/// time, by the generator and the run-time loader alike: 128 KB a vocabulary, for vocabularies of
/// <see cref="MinTokens"/> tokens or more.
/// </summary>
internal static class CrossFloorTable
{
    /// <summary>Entries: one per byte pair.</summary>
    public const int Length = 256 * 256;

    /// <summary>
    /// The highest floor kept (any lower value is still a floor). A printable char, so that the generated literal
    /// writes its many capped entries as themselves rather than as six-char escapes.
    /// </summary>
    public const ushort Cap = 0xD7A3;

    /// <summary>
    /// Smaller vocabularies get no table: their walks are short, and 128 KB would outweigh the rest of their tables.
    /// </summary>
    public const int MinTokens = 16_384;

    /// <summary>
    /// The table for the mergeable tokens (bytes, rank, id), whose splits are <paramref name="splits"/> (per rank, the
    /// left half's byte length; 0 for a token no merge builds); null below <see cref="MinTokens"/> tokens.
    /// </summary>
    public static ushort[]? Build(IReadOnlyList<(byte[] Bytes, int Rank, int Id)> tokens, IReadOnlyList<ushort> splits) =>
        tokens.Count < MinTokens ? null : Compute(tokens, splits);

    /// <summary>The table, whatever the vocabulary's size.</summary>
    public static ushort[] Compute(IEnumerable<(byte[] Bytes, int Rank, int Id)> tokens, IReadOnlyList<ushort> splits)
    {
        var floors = new ushort[Length];
        floors.AsSpan().Fill(Cap);
        foreach (var (bytes, rank, _) in tokens)
        {
            if ((uint)rank >= (uint)splits.Count) continue;
            int split = splits[rank];
            if (split <= 0 || split >= bytes.Length) continue;
            int at = bytes[split - 1] << 8 | bytes[split];
            if (rank < floors[at]) floors[at] = (ushort)rank;
        }
        return floors;
    }

    /// <summary>Checks a table handed to an encoder: empty (no floors) or one entry per byte pair.</summary>
    /// <exception cref="ArgumentException">Any other length.</exception>
    public static void CheckLength(ReadOnlySpan<char> floors, string paramName)
    {
        if (floors.Length != 0 && floors.Length != Length)
            throw new ArgumentException($"The floor table holds {Length} entries, not {floors.Length}.", paramName);
    }
}
