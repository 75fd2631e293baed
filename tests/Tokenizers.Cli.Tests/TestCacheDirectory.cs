using System.Runtime.CompilerServices;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Points <c>TOKENIZERS_CACHE</c> at a folder of this test run, deleted when it ends, so that the CLI run in process
/// (and the processes tests start) never fill the user's own cache with the test models' tables. A variable already
/// set wins.
/// </summary>
internal static class TestCacheDirectory
{
#pragma warning disable CA2255 // A test assembly's own initialiser, not a library's.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Export()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TOKENIZERS_CACHE"))) return;
        string folder = Directory.CreateTempSubdirectory("tokenizers-cli-tests-cache-").FullName;
        Environment.SetEnvironmentVariable("TOKENIZERS_CACHE", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A process a test started may still be writing: the temporary folder is the system's to clear.
            }
        };
    }
}
