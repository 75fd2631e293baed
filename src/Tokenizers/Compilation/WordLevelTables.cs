using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Tokenizers.WordLevel;

namespace Tokenizers.Compilation;

/// <summary>Lays out a word list for the runtime: words back to back, offsets, and a hash table at most half full.</summary>
internal static class WordLevelTables
{
    public static WordTables Build(IReadOnlyList<string> words, string? unknownToken, int unknownId, string? pattern,
        CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        var offsets = new int[words.Count + 1];
        for (int i = 0; i < words.Count; i++)
        {
            offsets[i] = text.Length;
            text.Append(words[i]);
        }
        offsets[words.Count] = text.Length;

        // Linear probing, so lookups of unknown words stop at the first empty slot quickly.
        int size = 8;
        while (size < words.Count * 2) size *= 2;
        var buckets = new int[size];
        for (int i = 0; i < size; i++) buckets[i] = -1;
        for (int id = 0; id < words.Count; id++)
        {
            if ((id & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            int slot = (int)(WordHash.Of(words[id].AsSpan()) & (uint)(size - 1));
            while (buckets[slot] >= 0) slot = (slot + 1) & (size - 1);
            buckets[slot] = id;
        }

        return new WordTables(text.ToString(), PackedStrings.FromInt32(offsets), PackedStrings.FromInt32(buckets),
            words.Count, size, unknownId, unknownToken, pattern);
    }
}
