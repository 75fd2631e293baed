using System.Text;
using Tokenizers.Tests;

namespace Tokenizers.PackageTests;

/// <summary>
/// A project outside the repository that references only the packed Tokenizers.Generator package, as a user's
/// would, builds with GPT-2's vocabulary and produces tiktoken's ids, and with Llama 3's tokenizer.json and produces
/// Hugging Face's.
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
        WriteConsumer("vocab.json;merges.txt", """
            using System;
            using Tokenizers;

            var tokenizer = new Gpt2Tokenizer();
            Console.WriteLine(string.Join(" ", tokenizer.EncodeToIds(args[0])));

            [GeneratedTokenizer("vocab.json", "merges.txt")]
            public partial class Gpt2Tokenizer;
            """);

        Build();
        var run = Run("I felt able to face the fact");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("40 2936 1498 284 1986 262 1109", run.Output.Trim());
    }

    /// <summary>The model's file in a subfolder, as a user adds it; the texts go by file, one line of ids each.</summary>
    [Fact]
    public void ConsumerCompilesLlama3TokenizerJsonLikeHuggingFace()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "llama3"));
        File.Copy(HuggingFaceModels.TokenizerJson("llama3"), Path.Combine(_dir, "llama3", "tokenizer.json"));
        WriteConsumer("llama3/tokenizer.json", """
            using System;
            using System.IO;
            using Tokenizers;

            var tokenizer = new Llama3Tokenizer();
            foreach (string path in args)
                Console.WriteLine(string.Join(" ", tokenizer.EncodeToIds(File.ReadAllText(path), SpecialTokenPolicy.All)));

            [GeneratedTokenizer("llama3/tokenizer.json")]
            public partial class Llama3Tokenizer;
            """);
        var vectors = HuggingFaceVectors.For("llama3").Where(v => v.Name is "chat-llama3" or "mixed-7" or "code-sample").ToList();
        Assert.Equal(3, vectors.Count);
        var inputs = vectors.Select(v =>
        {
            string path = Path.Combine(_dir, v.Name + ".txt");
            File.WriteAllText(path, v.Text, new UTF8Encoding(false));
            return path;
        }).ToArray();

        Build();
        var run = Run(inputs);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(vectors.Select(v => string.Join(" ", v.Ids)), run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private void WriteConsumer(string additionalFiles, string program)
    {
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
                <AdditionalFiles Include="{additionalFiles}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), program);
    }

    private void Build()
    {
        var build = DotNet.Run(_dir, "build", "-c", "Release", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("0 Warning(s)", build.Output);
    }

    private (int ExitCode, string Output) Run(params string[] args) =>
        DotNet.Run(_dir, [Path.Combine("bin", "Release", "net10.0", "Consumer.dll"), .. args]);
}
