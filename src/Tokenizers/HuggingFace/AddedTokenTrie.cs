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
/// <remarks>
/// A node's edges are a run of <see cref="_labels"/> (its children's chars) beside <see cref="_children"/>, found with
/// a vectorised <c>IndexOf</c>: text such as code holds a char that starts some pattern ('&lt;', a newline, a tab) on
/// every line, and a step costs a few loads instead of a hash lookup (Gemma 3's 6,415 added tokens begin with
/// '&lt;', newlines, tabs and '▁').
/// </remarks>
internal sealed class AddedTokenTrie
{
    /// <summary>Node n's edges are [<c>_edgeStart[n]</c>, <c>_edgeStart[n + 1]</c>) of the two arrays below.</summary>
    private readonly int[] _edgeStart;
    private readonly char[] _labels;
    private readonly int[] _children;

    /// <summary>Per node, the index of the token whose pattern ends there, or -1.</summary>
    private readonly int[] _terminal;
    private readonly SearchValues<char> _firstChars;

    /// <param name="patterns">The pattern of each token (index = token index); an empty one never matches. When two
    /// are equal the first wins, as in the automaton, which reports the pattern added first.</param>
    public AddedTokenTrie(IReadOnlyList<string> patterns)
    {
        // Nodes are numbered as they are made, each with the edge that made it; then the edges are grouped by parent.
        var made = new Dictionary<long, int>();
        var parents = new List<int>();
        var chars = new List<char>();
        var terminal = new List<int> { -1 };
        for (int t = 0; t < patterns.Count; t++)
        {
            string pattern = patterns[t];
            if (pattern.Length == 0) continue;
            int node = 0;
            foreach (char c in pattern)
            {
                long key = (long)node << 16 | c;
                if (!made.TryGetValue(key, out int child))
                {
                    child = terminal.Count;
                    terminal.Add(-1);
                    made.Add(key, child);
                    parents.Add(node);
                    chars.Add(c);
                }
                node = child;
            }
            if (terminal[node] < 0) terminal[node] = t;
        }
        int nodes = terminal.Count;
        _edgeStart = new int[nodes + 1];
        foreach (int parent in parents) _edgeStart[parent + 1]++;
        for (int n = 0; n < nodes; n++) _edgeStart[n + 1] += _edgeStart[n];
        _labels = new char[parents.Count];
        _children = new int[parents.Count];
        var next = _edgeStart[..nodes]; // a copy: per node, where its next edge goes
        for (int e = 0; e < parents.Count; e++)
        {
            int at = next[parents[e]]++;
            _labels[at] = chars[e];
            _children[at] = e + 1; // edge e made node e + 1
        }
        _terminal = terminal.ToArray();
        IsEmpty = parents.Count == 0;
        _firstChars = SearchValues.Create(_labels.AsSpan(0, _edgeStart[1]));
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
            for (int i = pos; i < text.Length && (node = Child(node, text[i])) >= 0; i++)
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

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or -1.</summary>
    private int Child(int node, char c)
    {
        int first = _edgeStart[node];
        int index = _labels.AsSpan(first, _edgeStart[node + 1] - first).IndexOf(c);
        return index < 0 ? -1 : _children[first + index];
    }
}
