using System.Diagnostics;
using System.IO.Compression;
using Tokenizers.Tests;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// The tool as a user gets it: the three packages packed from this checkout (the pointer, the Native AOT linux-x64
/// package and the framework-dependent <c>any</c> fallback), installed with <c>dotnet tool install --tool-path</c> from
/// that local folder, and run. The one Native AOT compile of the test suite happens here (about a minute of CPU).
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void PackedToolInstallsAsNativeCodeAndRuns()
    {
        string packages = _folder.File("packages"), tools = _folder.File("tools");
        string project = Path.Combine(RepoPaths.Root, "src", "Tokenizers.Cli");
        Pack(project, packages);
        Pack(project, packages, "-r", "linux-x64");
        Pack(project, packages, "-r", "any", "-p:PublishAot=false");
        Assert.Equal(["Tokenizers.Cli.0.1.0.nupkg", "Tokenizers.Cli.any.0.1.0.nupkg", "Tokenizers.Cli.linux-x64.0.1.0.nupkg"],
            Directory.GetFiles(packages).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The local folder alone: a package of the same name and version on a feed must not stand in for this build.
        string config = _folder.File("nuget.config");
        File.WriteAllText(config, $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var install = DotNet.Run(_folder.Path, "tool", "install", "Tokenizers.Cli", "--version", "0.1.0", "--tool-path", tools, "--configfile", config);
        Assert.True(install.ExitCode == 0, install.Output);

        // On linux-x64 the command is the native executable itself, not a host that starts the runtime.
        string command = Path.Combine(tools, "tokenizers");
        string target = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
        Assert.Contains("tokenizers.cli.linux-x64", target, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target)[..4]);
        AssertRuns(command);

        // The fallback for every other platform: framework-dependent, run by the shared runtime.
        string fallback = _folder.File("any");
        ZipFile.ExtractToDirectory(Path.Combine(packages, "Tokenizers.Cli.any.0.1.0.nupkg"), fallback);
        AssertRuns("dotnet", Path.Combine(fallback, "tools", "net10.0", "any", "Tokenizers.Cli.dll"));
    }

    private void AssertRuns(string command, params string[] prefix)
    {
        var count = Run(command, [.. prefix, "count", "--encoding", "cl100k_base", "--text", "hello world"]);
        Assert.Equal((0, "2\n", ""), count);
        var encode = Run(command, [.. prefix, "encode", "--encoding", "gpt2", "--text", "I felt able to face the fact"]);
        Assert.Equal((0, "40 2936 1498 284 1986 262 1109\n", ""), encode);
        string text = _folder.File("text.txt");
        string content = string.Concat(Enumerable.Repeat("The tool reads files too. ", 2000));
        File.WriteAllText(text, content);
        string expected = new Tokenizers.OpenAI.O200kBaseTokenizer().CountTokens(content) + "\n";
        Assert.Equal((0, expected, ""), Run(command, [.. prefix, "count", "--encoding", "o200k_base", "--input", text]));
        var missing = Run(command, [.. prefix, "count", "--encoding", "gpt2", "--input", _folder.File("missing.txt")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("tokenizers: error: file not found", missing.Stderr);

        // Dataset preparation goes through Parquet.Net, whose reflection the AOT compile warns about: it must work here.
        var documents = ParquetFiles.Documents(300, seed: 4);
        string parquet = _folder.File("train.parquet"), tokens = _folder.File("train.bin");
        ParquetFiles.Write(parquet, documents, rowsPerGroup: 64);
        var prepare = Run(command, [.. prefix, "encode", "--encoding", "gpt2", "--input", parquet, "--column", "text", "--output-tokens", tokens]);
        Assert.True(prepare.ExitCode == 0, prepare.Stderr);
        Assert.Equal(DatasetTests.Expected("gpt2", documents), File.ReadAllBytes(tokens));
        Assert.Equal(0, Run(command, [.. prefix, "verify", tokens + ".manifest.json"]).ExitCode);
        File.WriteAllBytes(parquet, File.ReadAllBytes(parquet)[..200]);
        var truncated = Run(command, [.. prefix, "encode", "--encoding", "gpt2", "--input", parquet, "--column", "text", "--output-tokens", tokens]);
        Assert.Equal(2, truncated.ExitCode);
        Assert.StartsWith($"tokenizers: error: {parquet}: not a readable Parquet file", truncated.Stderr);
    }

    private static void Pack(string project, string output, params string[] args)
    {
        var pack = DotNet.Run(project, ["pack", "-c", "Release", "-nologo", "-o", output, .. args]);
        Assert.True(pack.ExitCode == 0, pack.Output);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string command, string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
