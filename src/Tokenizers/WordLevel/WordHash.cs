using System;

namespace Tokenizers.WordLevel;

/// <summary>
/// FNV-1a over UTF-16 code units. The generator hashes words with the same function to lay out the table at compile
/// time (Tokenizers.Generator's WordHash); the two must stay identical.
/// </summary>
public static class WordHash
{
    public static uint Of(ReadOnlySpan<char> word)
    {
        uint hash = 2166136261;
        foreach (char c in word) hash = (hash ^ c) * 16777619;
        return hash;
    }
}
