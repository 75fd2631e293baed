using System;

namespace Tokenizers.WordLevel;

/// <summary>
/// FNV-1a over UTF-16 code units. One source: compiled into the generator too, which lays out the
/// word table with it at build time, as the run-time loader does.
/// </summary>
internal static class WordHash
{
    public static uint Of(ReadOnlySpan<char> word)
    {
        uint hash = 2166136261;
        foreach (char c in word) hash = (hash ^ c) * 16777619;
        return hash;
    }
}
