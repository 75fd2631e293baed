namespace Tokenizers.Generator.Building;

/// <summary>FNV-1a over UTF-16 code units: must stay identical to the runtime's Tokenizers.WordLevel.WordHash.</summary>
internal static class WordHash
{
    public static uint Of(string word)
    {
        uint hash = 2166136261;
        foreach (char c in word) hash = (hash ^ c) * 16777619;
        return hash;
    }
}
