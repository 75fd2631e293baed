using System.Text;
using Tokenizers.Tests;

namespace Tokenizers.PackageTests;

/// <summary>
/// A project outside the repository that references only the packed Tokenizers.Generator package, as a user's
/// would, builds with GPT-2's vocabulary and produces tiktoken's ids, and with Llama 3's, Qwen3's and DeepSeek V3's
/// tokenizer.json and produces Hugging Face's.
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

    /// <summary>
    /// The three byte-level models' files, each in a subfolder as a user adds it, compiled from the packages alone; every
    /// reference vector of each goes through the consumer: its ids, its ids with the post-processor's tokens, and its
    /// decoded text (Hugging Face's: Qwen3 normalizes to NFC).
    /// </summary>
    [Fact]
    public void ConsumerCompilesByteLevelTokenizerJsonLikeHuggingFace()
    {
        string[] models = ["llama3", "qwen3", "deepseek_v3"];
        foreach (string model in models)
        {
            Directory.CreateDirectory(Path.Combine(_dir, model));
            File.Copy(HuggingFaceModels.TokenizerJson(model), Path.Combine(_dir, model, "tokenizer.json"));
        }
        WriteConsumer("llama3/tokenizer.json;qwen3/tokenizer.json;deepseek_v3/tokenizer.json", """
            using System;
            using System.IO;
            using System.Text;
            using Tokenizers;

            // Each line of args[0]: a model name, a tab, a UTF-8 text file. Prints its ids, its ids with the
            // post-processor's tokens, and the decoded ids as base64 of UTF-8, a line each.
            foreach (string line in File.ReadAllLines(args[0]))
            {
                string[] parts = line.Split('\t');
                ITokenizer tokenizer = parts[0] switch
                {
                    "llama3" => new Llama3Tokenizer(),
                    "qwen3" => new Qwen3Tokenizer(),
                    _ => new DeepSeekV3Tokenizer(),
                };
                string text = Encoding.UTF8.GetString(File.ReadAllBytes(parts[1])); // keeps a leading U+FEFF
                var ids = tokenizer.EncodeToIds(text, SpecialTokenPolicy.All);
                Console.WriteLine(string.Join(" ", ids));
                Console.WriteLine(string.Join(" ", tokenizer.EncodeToIds(text, SpecialTokenPolicy.All, addSpecialTokens: true)));
                Console.WriteLine(Convert.ToBase64String(Encoding.UTF8.GetBytes(tokenizer.Decode(ids))));
            }

            [GeneratedTokenizer("llama3/tokenizer.json")]
            public partial class Llama3Tokenizer;

            [GeneratedTokenizer("qwen3/tokenizer.json")]
            public partial class Qwen3Tokenizer;

            [GeneratedTokenizer("deepseek_v3/tokenizer.json")]
            public partial class DeepSeekV3Tokenizer;
            """);
        var vectors = models.SelectMany(HuggingFaceVectors.For).ToList();
        Assert.Equal(930, vectors.Count);
        var list = new StringBuilder();
        for (int i = 0; i < vectors.Count; i++)
        {
            string path = Path.Combine(_dir, $"text-{i}.txt");
            File.WriteAllText(path, vectors[i].Text, new UTF8Encoding(false));
            list.Append(vectors[i].Model).Append('\t').Append(path).Append('\n');
        }
        File.WriteAllText(Path.Combine(_dir, "texts.tsv"), list.ToString());

        Build();
        var run = Run(Path.Combine(_dir, "texts.tsv"));
        Assert.True(run.ExitCode == 0, run.Output);
        string[] lines = run.Output.Split('\n');
        var mismatches = new List<string>();
        for (int i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            string decoded = v.Model == "qwen3" ? v.Text.Normalize(NormalizationForm.FormC) : v.Text;
            if (lines[3 * i] != string.Join(" ", v.Ids)) mismatches.Add(v + ": ids");
            if (lines[3 * i + 1] != string.Join(" ", v.IdsWithSpecial)) mismatches.Add(v + ": ids with special tokens");
            if (lines[3 * i + 2] != Convert.ToBase64String(Encoding.UTF8.GetBytes(decoded))) mismatches.Add(v + ": decoded text");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
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
