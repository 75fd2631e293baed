using System.Runtime.CompilerServices;
using Tokenizers.Training;

namespace Tokenizers.Training.Tests;

/// <summary>The notebook's corpus, read from ../shared/data (beside the checkout) as the notebook reads it.</summary>
internal static class Verdict
{
    public static string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(ThisDir(), "..", "..", "..", "shared", "data", "the-verdict.txt"));

    private static readonly Lazy<string> s_text = new(() => CorpusReader.ReadLikePython(Path));

    public static string Text => s_text.Value;

    private static string ThisDir([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path)!;
}
