using System;
using System.IO;

namespace Tokenizers.Generator.Model;

/// <summary>Which runtime model a tokenizer class runs on, decided by the attribute's paths.</summary>
internal enum TokenizerKind
{
    BytePair,
    WordList,
    TokenizerJson,
}

/// <summary>
/// What one [GeneratedTokenizer] asks for, by content only: the class, the attribute's arguments and what is wrong
/// with the declaration. No positions: moving the declaration leaves the key equal, so the expensive step keyed on
/// it (with the files' text) stays cached. <see cref="RequestLocations"/> carries the positions beside it.
/// <see cref="Pattern"/> is the obsolete alias of <see cref="PreTokenizer"/> and <see cref="SplitRegex"/>, kept as
/// written: <see cref="SplitOption"/> maps it by the file kind.
/// </summary>
internal sealed record TokenizerKey(
    string? Namespace,
    string ClassName,
    string Accessibility,
    string VocabularyPath,
    string? MergesPath,
    string? PreTokenizer,
    string? SplitRegex,
    string? Pattern,
    EquatableArray<string> SpecialTokens,
    string? UnknownToken,
    string? TargetProblem)
{
    /// <summary>"Namespace.Class", the generated files' hint name.</summary>
    public string FullName => (Namespace is null ? "" : Namespace + ".") + ClassName;

    public TokenizerKind Kind
        => MergesPath is not null ? TokenizerKind.BytePair
           : VocabularyPath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? TokenizerKind.WordList
           : VocabularyPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
             && !string.Equals(Path.GetFileName(VocabularyPath), "vocab.json", StringComparison.OrdinalIgnoreCase) ? TokenizerKind.TokenizerJson
           : TokenizerKind.BytePair;

    /// <summary>Whether <paramref name="fileName"/> may be one of the attribute's files (they are matched by path, else by name).</summary>
    public bool MayName(string fileName)
        => SameName(VocabularyPath, fileName) || (MergesPath is not null && SameName(MergesPath, fileName));

    private static bool SameName(string path, string fileName)
        => path.Length > 0 && string.Equals(SafeFileName(path), fileName, StringComparison.OrdinalIgnoreCase);

    public static string SafeFileName(string path)
    {
        try
        {
            return Path.GetFileName(path);
        }
        catch (ArgumentException)
        {
            return path;
        }
    }
}
