using System;
using System.Buffers;
using System.Collections.Generic;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The patterns of a set of added tokens in a char trie, searched as Hugging Face's Aho–Corasick automaton with
/// <c>MatchKind::LeftmostLongest</c> finds them: the leftmost position where some pattern starts, and the longest
/// pattern there. Built once; a search costs at most the longest pattern's length per position, and positions whose
/// char starts no pattern are skipped with a vectorised scan.
/// </summary>
internal sealed class AddedTokenTrie
{
    private readonly Dictionary<long, int> _edges = new();
    private readonly List<int> _terminal = [-1];
    private readonly SearchValues<char> _firstChars;

    /// <param name="patterns">The pattern of each token (index = token index); an empty one never matches. When two
    /// are equal the first wins, as in the automaton, which reports the pattern added first.</param>
    public AddedTokenTrie(IReadOnlyList<string> patterns)
    {
        var first = new HashSet<char>();
        for (int t = 0; t < patterns.Count; t++)
        {
            string pattern = patterns[t];
            if (pattern.Length == 0) continue;
            first.Add(pattern[0]);
            int node = 0;
            foreach (char c in pattern)
            {
                long key = Key(node, c);
                if (!_edges.TryGetValue(key, out int child))
                {
                    child = _terminal.Count;
                    _terminal.Add(-1);
                    _edges.Add(key, child);
                }
                node = child;
            }
            if (_terminal[node] < 0) _terminal[node] = t;
        }
        IsEmpty = first.Count == 0;
        var chars = new char[first.Count];
        first.CopyTo(chars);
        _firstChars = SearchValues.Create(chars);
    }

    public bool IsEmpty { get; }

    /// <summary>The leftmost-longest match at or after <paramref name="from"/>: its start, length and token index.</summary>
    public bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length, out int token)
    {
        int pos = from;
        while (pos < text.Length)
        {
            int skip = text[pos..].IndexOfAny(_firstChars);
            if (skip < 0) break;
            pos += skip;
            int node = 0, best = -1, bestLength = 0;
            for (int i = pos; i < text.Length && _edges.TryGetValue(Key(node, text[i]), out node); i++)
            {
                int t = _terminal[node];
                if (t >= 0)
                {
                    best = t;
                    bestLength = i + 1 - pos;
                }
            }
            if (best >= 0)
            {
                start = pos;
                length = bestLength;
                token = best;
                return true;
            }
            pos++;
        }
        start = length = token = 0;
        return false;
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
