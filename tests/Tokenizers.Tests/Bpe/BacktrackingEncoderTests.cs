using CsCheck;
using Tokenizers.Bpe;
using Tokenizers.Compilation;

namespace Tokenizers.Tests.Bpe;

/// <summary>
/// The split table's builder (build time) and its reader, the backtracking encoder (run time), both decide through
/// <see cref="MergeBoundary"/> whether BPE keeps a boundary. Together, on small random vocabularies, they must give
/// what merging by rank (tiktoken's algorithm, written naively here) gives.
/// </summary>
public class BacktrackingEncoderTests
{
    /// <summary>
    /// A vocabulary as BPE training makes one: the letters of a small alphabet, then concatenations of two tokens,
    /// each kept only when merging by rank really builds it from its bytes (ends with exactly its two halves).
    /// </summary>
    private static List<byte[]> Vocabulary(int letters, int[] picks, int maxLength = 12)
    {
        var tokens = new List<byte[]>();
        for (int i = 0; i < letters; i++) tokens.Add([(byte)('a' + i)]);
        for (int i = 0; i + 1 < picks.Length; i += 2)
        {
            byte[] candidate = [.. tokens[picks[i] % tokens.Count], .. tokens[picks[i + 1] % tokens.Count]];
            if (candidate.Length > maxLength || tokens.Any(t => t.AsSpan().SequenceEqual(candidate))) continue;
            if (MergeByRank(tokens, candidate).Count == 2) tokens.Add(candidate);
        }
        return tokens;
    }

    /// <summary>tiktoken's <c>byte_pair_merge</c>: merge the lowest-ranked adjacent pair, leftmost first, until none is a token.</summary>
    private static List<int> MergeByRank(List<byte[]> tokens, byte[] text)
    {
        int RankOf(IEnumerable<byte> bytes)
        {
            byte[] key = [.. bytes];
            return tokens.FindIndex(t => t.AsSpan().SequenceEqual(key));
        }

        var parts = text.Select(b => new[] { b }).ToList();
        while (true)
        {
            int best = -1, bestRank = int.MaxValue;
            for (int i = 0; i + 1 < parts.Count; i++)
            {
                int rank = RankOf(parts[i].Concat(parts[i + 1]));
                if (rank >= 0 && rank < bestRank) (best, bestRank) = (i, rank);
            }
            if (best < 0) return parts.Select(RankOf).ToList();
            parts[best] = [.. parts[best], .. parts[best + 1]];
            parts.RemoveAt(best + 1);
        }
    }

    private static List<int> Backtracking(List<byte[]> tokens, ushort[] splitTable, byte[] text, bool withFloors = true)
    {
        var trie = new DoubleArrayTrie(DoubleArrayTrieBuilder.BuildSlots(tokens.Select((t, rank) => (t, rank)), splits: splitTable));
        string splits = new(splitTable.Select(s => (char)s).ToArray());
        // The floors the generator builds: boundary checks stop early wherever they can, and must still be exact.
        string floors = !withFloors ? "" : new(Floors(tokens, splitTable).Select(f => (char)f).ToArray());
        var ranks = new int[text.Length];
        int count = BacktrackingEncoder.Encode(trie, splits, floors, text, ranks);
        return count < 0 ? [] : ranks[..count].ToList();
    }

    /// <summary>The floors of the vocabulary's boundary checks, which the generator builds for large vocabularies.</summary>
    private static ushort[] Floors(List<byte[]> tokens, ushort[] splitTable) =>
        CrossFloorTable.Compute(tokens.Select((t, rank) => (t, rank, rank)), splitTable);

    [Fact]
    public void The_split_table_and_the_backtracking_encoder_together_merge_by_rank()
    {
        var vocabulary = Gen.Select(Gen.Int[2, 4], Gen.Int[0, 1000].Array[0, 80]);
        // Short texts, and a few past the encoder's stack buffers (256 bytes).
        var length = Gen.Frequency((6, Gen.Int[1, 40]), (1, Gen.Int[250, 300]));
        Gen.Select(vocabulary, length, Gen.Int[0, 3].Array[300]).Sample((v, n, letters) =>
        {
            var tokens = Vocabulary(v.Item1, v.Item2);
            ushort[]? splitTable = SplitTableBuilder.Build(tokens.Select((t, rank) => (t, rank, rank)).ToList(), TestContext.Current.CancellationToken);
            if (splitTable is null) return false; // every token is built by a merge, so the table must exist
            byte[] text = letters.Take(n).Select(l => (byte)('a' + l % v.Item1)).ToArray();
            var expected = MergeByRank(tokens, text);
            return Backtracking(tokens, splitTable, text).SequenceEqual(expected)
                && Backtracking(tokens, splitTable, text, withFloors: false).SequenceEqual(expected);
        }, iter: 500);
    }

    /// <summary>
    /// Over one or two letters, tokens of up to 48 bytes give a position many prefix tokens (as runs of spaces, '=' or
    /// '▁' do in real vocabularies), which the encoder tries longest first and gives back shortest last.
    /// </summary>
    [Fact]
    public void Positions_with_many_prefix_tokens_merge_by_rank()
    {
        var vocabulary = Gen.Select(Gen.Int[1, 2], Gen.Int[0, 1000].Array[40, 160]);
        int manyPrefixes = 0;
        Gen.Select(vocabulary, Gen.Int[1, 120], Gen.Int[0, 7].Array[120]).Sample((v, n, letters) =>
        {
            var tokens = Vocabulary(v.Item1, v.Item2, maxLength: 48);
            ushort[]? splitTable = SplitTableBuilder.Build(tokens.Select((t, rank) => (t, rank, rank)).ToList(), TestContext.Current.CancellationToken);
            if (splitTable is null) return false;
            // Mostly the first letter, so that long runs of it meet its long tokens.
            byte[] text = letters.Take(n).Select(l => (byte)('a' + (l == 7 ? 1 : 0) % v.Item1)).ToArray();
            if (tokens.Count(t => t.Length <= text.Length && text.AsSpan(0, t.Length).SequenceEqual(t)) > 16) manyPrefixes++;
            return Backtracking(tokens, splitTable, text).SequenceEqual(MergeByRank(tokens, text));
        }, iter: 300, threads: 1);
        Assert.True(manyPrefixes > 30, $"only {manyPrefixes} texts start with more than 16 tokens");
    }

    /// <summary>
    /// Runs of a letter up to 512 bytes, each token two of the one before: their splits (up to 256) do not fit in the
    /// trie's values, which then send the encoder to the split table.
    /// </summary>
    [Fact]
    public void Splits_too_long_for_the_trie_values_come_from_the_split_table()
    {
        var vocabulary = Gen.Int[0, 1000].Array[0, 60];
        Gen.Select(vocabulary, Gen.Int[1, 700], Gen.Int[0, 40].Array[20]).Sample((picks, n, cuts) =>
        {
            var tokens = Vocabulary(2, picks, maxLength: 8);
            byte[] run = [(byte)'a'];
            while (run.Length < 512)
            {
                run = [.. run, .. run];
                if (!tokens.Any(t => t.AsSpan().SequenceEqual(run)) && MergeByRank(tokens, run).Count == 2) tokens.Add(run);
            }
            ushort[]? splitTable = SplitTableBuilder.Build(tokens.Select((t, rank) => (t, rank, rank)).ToList(), TestContext.Current.CancellationToken);
            if (splitTable is null) return false;
            // A long run of 'a', broken by a few 'b's.
            byte[] text = Enumerable.Range(0, n).Select(i => cuts.Contains(i) ? (byte)'b' : (byte)'a').ToArray();
            return Backtracking(tokens, splitTable, text).SequenceEqual(MergeByRank(tokens, text));
        }, iter: 60);
        // The test is only worth its name when some split escapes the values.
        var runs = Vocabulary(2, []);
        byte[] longest = [(byte)'a'];
        while (longest.Length < 512) { longest = [.. longest, .. longest]; runs.Add(longest); }
        ushort[] splits = SplitTableBuilder.Build(runs.Select((t, rank) => (t, rank, rank)).ToList(), TestContext.Current.CancellationToken)!;
        Assert.True(splits.Max() > TrieLayout.SplitEscape);
    }
}
