using CsCheck;
using Tokenizers.Bpe;
using Tokenizers.Compilation;

namespace Tokenizers.Tests.Compilation;

/// <summary>
/// The table builders' own maps and trie placement against the .NET collections they replace, on random keys drawn
/// from a small alphabet so that keys share prefixes, are prefixes of each other and repeat (the last value wins, as
/// with a dictionary's indexer).
/// </summary>
public sealed class BuilderMapsTests
{
    private static readonly Gen<byte[]> Key = Gen.Byte[0, 5].Array[0, 6];
    private static readonly Gen<(byte[] Key, int Value)[]> Entries = Gen.Select(Key, Gen.Int[0, 1000]).Array[0, 60];

    private static Dictionary<string, int> Expected((byte[] Key, int Value)[] entries)
    {
        var expected = new Dictionary<string, int>();
        foreach (var (key, value) in entries) expected[Convert.ToHexString(key)] = value;
        return expected;
    }

    [Fact]
    public void The_trie_finds_each_key_with_its_last_value_and_nothing_else()
    {
        Gen.Select(Entries, Key.Array[20]).Sample((entries, probes) =>
        {
            var expected = Expected(entries);
            var trie = new DoubleArrayTrie(DoubleArrayTrieBuilder.BuildSlots(entries));
            foreach (var key in entries.Select(e => e.Key).Concat(probes))
            {
                int want = expected.TryGetValue(Convert.ToHexString(key), out int v) ? v : -1;
                if (trie.Lookup(key) != want) return false;
            }
            return true;
        }, iter: 2_000);
    }

    [Fact]
    public void The_byte_sequence_map_looks_up_slices_as_a_dictionary_looks_up_copies()
    {
        Gen.Select(Entries, Gen.Byte[0, 5].Array[0, 12], Gen.Int[0, 12], Gen.Int[0, 12]).Sample((entries, text, i, j) =>
        {
            var expected = Expected(entries);
            var map = new ByteSequenceMap(entries.Length);
            foreach (var (key, value) in entries) map.Set(key, value);
            int from = Math.Min(Math.Min(i, j), text.Length), to = Math.Min(Math.Max(i, j), text.Length);
            bool found = map.TryGetValue(text.AsSpan(from, to - from), out int got);
            bool want = expected.TryGetValue(Convert.ToHexString(text, from, to - from), out int wanted);
            return found == want && (!found || got == wanted)
                && entries.All(e => map.TryGetValue(e.Key, out int v) && v == expected[Convert.ToHexString(e.Key)]);
        }, iter: 2_000);
    }

    [Fact]
    public void The_token_id_map_finds_a_concatenation_without_building_it()
    {
        var token = Gen.String[Gen.Char["ab\u0120\u00E9"], 0, 4];
        Gen.Select(Gen.Select(token, Gen.Int[0, 1000]).Array[0, 40], token, token).Sample((entries, left, right) =>
        {
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            var map = new TokenIdMap(entries.Length);
            foreach (var (t, id) in entries)
            {
                expected[t] = id;
                map.Set(t, id);
            }
            bool found = map.TryGetValue(left, right, out int got);
            bool want = expected.TryGetValue(left + right, out int id1);
            return found == want && (!found || got == id1)
                && map.TryGetValue(left, out int alone) == expected.TryGetValue(left, out int id2) && (!expected.ContainsKey(left) || alone == id2);
        }, iter: 2_000);
    }

    [Fact]
    public void The_merge_map_keeps_the_last_index_of_a_pair()
    {
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6], Gen.Int[0, 1000]).Array[0, 50].Sample(merges =>
        {
            var expected = new Dictionary<(int, int), (int Index, int Result)>();
            var map = new HfMergeMap(merges.Length);
            for (int i = 0; i < merges.Length; i++)
            {
                var (left, right, result) = merges[i];
                expected[(left, right)] = (i, result);
                map.Add(left, right, i, result);
            }
            if (map.Count != expected.Count) return false;
            for (int left = 0; left <= 6; left++)
                for (int right = 0; right <= 6; right++)
                {
                    bool found = map.TryGet(left, right, out int index, out int result);
                    if (found != expected.TryGetValue((left, right), out var m) || (found && (index, result) != m)) return false;
                }
            return true;
        }, iter: 2_000);
    }
}
