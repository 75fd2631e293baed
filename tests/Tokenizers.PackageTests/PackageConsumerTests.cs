using Tokenizers.Tests;

namespace Tokenizers.PackageTests;

/// <summary>
/// A project outside the repository that references only the packed Tokenizers.Generator package, as a user's
/// would, builds with GPT-2's vocabulary and produces tiktoken's ids.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tokenizers-consumer-").FullName;

    private static string PackagesDir => Path.Combine(AppContext.BaseDirectory, "packages");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void BothPackagesArePacked()
    {
        var names = Directory.GetFiles(PackagesDir, "*.nupkg").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["Tokenizers.0.1.0.nupkg", "Tokenizers.Generator.0.1.0.nupkg"], names);
    }

    [Fact]
    public void ConsumerBuildsAndEncodesLikeTiktoken()
    {
        foreach (string file in new[] { "vocab.json", "merges.txt" })
            File.Copy(Path.Combine(SharedData.RepoRoot, "vocab", "gpt2", file), Path.Combine(_dir, file));
        File.WriteAllText(Path.Combine(_dir, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackagesDir}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(_dir, "nuget-cache")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Tokenizers.Generator" Version="0.1.0" />
                <AdditionalFiles Include="vocab.json;merges.txt" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), """
            using System;
            using Tokenizers;

            var tokenizer = new Gpt2Tokenizer();
            Console.WriteLine(string.Join(" ", tokenizer.EncodeToIds(args[0])));

            [GeneratedTokenizer("vocab.json", "merges.txt")]
            public partial class Gpt2Tokenizer;
            """);

        var build = DotNet.Run(_dir, "build", "-c", "Release", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("0 Warning(s)", build.Output);

        var run = DotNet.Run(_dir, Path.Combine("bin", "Release", "net10.0", "Consumer.dll"), "I felt able to face the fact");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("40 2936 1498 284 1986 262 1109", run.Output.Trim());
    }
}
