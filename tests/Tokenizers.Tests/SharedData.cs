using System.Runtime.CompilerServices;

namespace Tokenizers.Tests;

/// <summary>Locates <c>../shared</c> (beside the checkout) from the test's source location.</summary>
public static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string RepoRoot { get; } = Path.GetFullPath(Path.Combine(ThisDir(), "..", ".."));

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string ThisDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string FindRoot()
    {
        string? env = Environment.GetEnvironmentVariable("TOKENIZERS_SHARED");
        if (!string.IsNullOrEmpty(env)) return env;
        return Path.GetFullPath(Path.Combine(ThisDir(), "..", "..", "..", "shared"));
    }
}
