using System.Collections.Generic;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// The tokens Hugging Face's merge rule can build, ranked by the one merge that builds each (<see cref="HfMergeMap.FindLastMerges(byte[][], int[], bool[], int[], int[], CancellationToken)"/>),
/// and, for a byte-level vocabulary, which encoder gives Hugging Face's ids over those ranks. One decision for a
/// tokenizer.json (<see cref="HfBpeTableBuilder"/>) and a vocab.json + merges.txt pair (<see cref="HuggingFaceBpeParser"/>).
/// </summary>
internal sealed class HfMergeRanking
{
    private HfMergeRanking(List<(byte[] Bytes, int Rank, int Id)> ranked, ushort[] splits, int[] rankToId, bool idOrder, int[] mergeIndex)
    {
        Ranked = ranked;
        Splits = splits;
        RankToId = rankToId;
        IdOrder = idOrder;
        MergeIndex = mergeIndex;
    }

    /// <summary>The tokens merging can build: bytes, rank, id. Single bytes first by id, then by the index of the merge that builds them.</summary>
    public List<(byte[] Bytes, int Rank, int Id)> Ranked { get; }

    /// <summary>Per rank, the byte length of the left half of the merge that builds the token (0: one byte).</summary>
    public ushort[] Splits { get; }

    public int[] RankToId { get; }

    /// <summary>Whether ranks are ids (the merge order is the id order, gaps allowed).</summary>
    public bool IdOrder { get; }

    /// <summary>Per id, the index of the merge that builds it (-1: none).</summary>
    public int[] MergeIndex { get; }

    /// <summary>
    /// Ranks the tokens <paramref name="selfBuilt"/> marks, from <see cref="HfMergeMap"/>'s last merges; null with
    /// <paramref name="tooLong"/> set when a token is longer than a split can say.
    /// </summary>
    public static HfMergeRanking? Rank(byte[]?[] modelBytes, bool[] selfBuilt, int[] leftLength, int[] mergeIndex, out string? tooLong)
    {
        tooLong = null;
        var reachable = new List<int>();
        for (int id = 0; id < selfBuilt.Length; id++) if (selfBuilt[id]) reachable.Add(id);
        reachable.Sort((x, y) => mergeIndex[x] != mergeIndex[y] ? mergeIndex[x].CompareTo(mergeIndex[y]) : x.CompareTo(y));

        // Ranks only need to be in that order: when it is the id order (Llama 3's, with gaps where tokens cannot be
        // built), ranks are ids and no rank-to-id table is needed.
        bool idOrder = true;
        for (int i = 1; i < reachable.Count && idOrder; i++) idOrder = reachable[i] > reachable[i - 1];
        int rankCount = reachable.Count == 0 ? 0 : idOrder ? reachable[reachable.Count - 1] + 1 : reachable.Count;
        var ranked = new List<(byte[] Bytes, int Rank, int Id)>(reachable.Count);
        var splits = new ushort[rankCount];
        var rankToId = new int[rankCount];
        for (int i = 0; i < reachable.Count; i++)
        {
            int id = reachable[i], rank = idOrder ? id : i;
            byte[] bytes = modelBytes[id]!;
            if (bytes.Length > ushort.MaxValue)
            {
                tooLong = $"token {id} is {bytes.Length} bytes long; at most {ushort.MaxValue} are supported";
                return null;
            }
            ranked.Add((bytes, rank, id));
            splits[rank] = (ushort)leftLength[id];
            rankToId[rank] = id;
        }
        return new HfMergeRanking(ranked, splits, rankToId, idOrder, mergeIndex);
    }

    /// <summary>
    /// The tokens whose tiktoken split (over the same ranks) is not Hugging Face's go to <paramref name="guarded"/>
    /// (value: rank): backtracking is exact on any piece that contains none of them, since a piece's encoding only
    /// involves tokens spelled inside it. SentencePiece style too: its single chars are atomic for both rules (no token
    /// spells part of a char). True when they are few enough for the backtracking encoder to serve (more than one
    /// token in eight guarded, and most pieces would pay for the check and merge by the rule anyway).
    /// <paramref name="multiSymbol"/>: the tokens a merge builds (all but the single bytes or chars).
    /// </summary>
    public bool FindGuarded(List<(byte[] Bytes, int Value)> guarded, out int multiSymbol, CancellationToken ct)
    {
        multiSymbol = 0;
        foreach (var t in Ranked) if (Splits[t.Rank] != 0) multiSymbol++;
        ushort[]? tiktokenSplits = SplitTableBuilder.Build(Ranked, partial: true, ct);
        if (tiktokenSplits is null) return false;
        foreach (var t in Ranked)
            if (tiktokenSplits[t.Rank] != Splits[t.Rank]) guarded.Add((t.Bytes, t.Rank));
        return guarded.Count * 8 <= multiSymbol;
    }

    /// <summary>Which encoder a byte-level vocabulary takes, with <see cref="FindGuarded"/>'s tokens.</summary>
    public HfBpeTableBuilder.Encoder Decide(IReadOnlyList<MergeEntry> merges, List<(byte[] Bytes, int Value)> guarded, out string summary, CancellationToken ct)
    {
        bool few = FindGuarded(guarded, out int multiByte, ct);
        var encoder = !few ? HfBpeTableBuilder.Encoder.MergeRule
            : guarded.Count == 0 ? HfBpeTableBuilder.Encoder.Backtracking
            : HfBpeTableBuilder.Encoder.GuardedBacktracking;
        string example = Example(merges, guarded);
        summary = encoder switch
        {
            HfBpeTableBuilder.Encoder.Backtracking => "merges follow token order: linear backtracking encoder",
            HfBpeTableBuilder.Encoder.GuardedBacktracking => $"merges disagree with token order for {guarded.Count} of {multiByte} tokens (e.g. {example}): "
                + "linear backtracking encoder, Hugging Face merge rule for pieces that contain one of them",
            _ => $"merges disagree with token order for {guarded.Count} of {multiByte} tokens (e.g. {example}): Hugging Face merge rule",
        };
        return encoder;
    }

    /// <summary>"merge 12 'a b'": the merge that builds the first guarded token, for a summary.</summary>
    public string Example(IReadOnlyList<MergeEntry> merges, List<(byte[] Bytes, int Value)> guarded)
    {
        if (guarded.Count == 0) return "";
        int index = MergeIndex[RankToId[guarded[0].Value]];
        foreach (var m in merges)
            if (m.Index == index) return $"merge {index} '{TextDisplay.Show(m.Left)} {TextDisplay.Show(m.Right)}'";
        return $"merge {index}";
    }
}
