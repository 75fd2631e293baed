namespace Tokenizers.Cli.Tests;

internal static class RepoPaths
{
    /// <summary>The checkout's root: the first folder above the test binaries that holds Tokenizers.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Gpt2Vocab => Path.Combine(Root, "vocab", "gpt2");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tokenizers.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Tokenizers.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tokenizers-cli-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
