using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Compilation;

namespace Tokenizers.Tests.Compilation;

/// <summary>The tiktoken-style table builder: its trie's values carry each token's split, and a rank they cannot hold is refused.</summary>
public sealed class BpeTableBuilderTests
{
    /// <summary>A .tiktoken file: the 256 bytes at ranks 0–255, then the given tokens.</summary>
    private static BpeVocabulary Vocabulary(params (string Token, int Rank)[] tokens)
    {
        var text = new StringBuilder();
        for (int b = 0; b < 256; b++) text.Append(Convert.ToBase64String([(byte)b])).Append(' ').Append(b).Append('\n');
        foreach (var (token, rank) in tokens) text.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(token))).Append(' ').Append(rank).Append('\n');
        var errors = new List<CompileError>();
        BpeVocabulary? vocabulary = TiktokenParser.Parse(text.ToString(), errors);
        Assert.Empty(errors);
        return vocabulary!;
    }

    [Fact]
    public void Each_tokens_trie_value_carries_its_split_above_its_rank()
    {
        var tables = BpeTableBuilder.Build(Vocabulary(("ab", 256), ("abc", 257), ("cab", 258), ("abcab", 259)), out string? tooLarge, TestContext.Current.CancellationToken);
        Assert.Null(tooLarge);
        var trie = new DoubleArrayTrie(System.Runtime.InteropServices.MemoryMarshal.Cast<char, uint>(tables!.Trie.AsSpan()));
        var expected = new Dictionary<string, (int Rank, int Split)> { ["a"] = (97, 0), ["ab"] = (256, 1), ["abc"] = (257, 2), ["cab"] = (258, 1), ["abcab"] = (259, 3) };
        foreach (var (token, (rank, split)) in expected)
        {
            int node = trie.Walk(DoubleArrayTrie.Root, Encoding.UTF8.GetBytes(token));
            Assert.Equal(rank, trie.Value(node));
            Assert.Equal(rank | split << TrieLayout.RankBits, trie.StoredValue(node));
        }
    }

    /// <summary>
    /// The parsers stop ids at <see cref="BpeVocabulary.MaxTokenId"/>, below the 23 bits; the builder still refuses a
    /// vocabulary built some other way whose ranks its trie's values cannot hold, rather than mask them.
    /// </summary>
    [Fact]
    public void A_rank_beyond_the_trie_values_bits_is_refused_with_its_number()
    {
        var vocabulary = Vocabulary(("ab", 256));
        vocabulary.Mergeable.Add(("abab"u8.ToArray(), TrieLayout.RankMask + 1, 257));
        Assert.Null(BpeTableBuilder.Build(vocabulary, out string? tooLarge, TestContext.Current.CancellationToken));
        Assert.Contains("rank 8,388,608 exceeds", tooLarge);
    }
}
