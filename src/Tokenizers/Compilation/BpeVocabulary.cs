using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>
/// A byte-level BPE vocabulary, whatever file it came from: the bytes of every id, the merge rank of every
/// mergeable token (lower merges first) and the special tokens, which are never produced from ordinary text.
/// </summary>
internal sealed class BpeVocabulary
{
    /// <summary>
    /// The largest id or rank a vocabulary may use: the id table holds two chars an id, so a generated tokenizer could
    /// not hold larger ids anyway, and refusing them early keeps a stray huge number from allocating gigabytes.
    /// </summary>
    public const int MaxTokenId = (1 << 22) - 1;

    /// <summary>Bytes per id; null where an id is unused.</summary>
    public List<byte[]?> TokenBytes { get; } = new();

    /// <summary>Mergeable tokens: bytes and rank. Ranks are distinct.</summary>
    public List<(byte[] Bytes, int Rank, int Id)> Mergeable { get; } = new();

    public List<(string Text, int Id)> Specials { get; } = new();

    /// <summary>
    /// Set when tiktoken's rule over the ranks is not Hugging Face's (a vocab.json + merges.txt pair whose merges
    /// disagree with the token order): per rank, the left length of the one merge that builds the token, for merging
    /// by Hugging Face's rule. Null for the backtracking encoder.
    /// </summary>
    public ushort[]? MergeRuleSplits { get; set; }

    /// <summary>Why <see cref="MergeRuleSplits"/> is set, for the generated file's header.</summary>
    public string? MergeRuleSummary { get; set; }

    public void SetBytes(int id, byte[] bytes)
    {
        while (TokenBytes.Count <= id) TokenBytes.Add(null);
        TokenBytes[id] = bytes;
    }

    /// <summary>True when every rank equals its token's id, so no rank-to-id table is needed.</summary>
    public bool RanksAreIds
    {
        get
        {
            foreach (var t in Mergeable)
                if (t.Rank != t.Id) return false;
            return true;
        }
    }
}
