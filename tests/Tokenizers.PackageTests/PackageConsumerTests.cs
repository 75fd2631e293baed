using System.Text;
using Tokenizers.Tests;

namespace Tokenizers.PackageTests;

/// <summary>
/// A project outside the repository that references only the packed Tokenizers.Generator package, as a user's
/// would, builds with GPT-2's vocabulary and produces tiktoken's ids, and with Llama 3's, Qwen3's, DeepSeek V3's,
/// Llama 2's and Gemma 3's tokenizer.json and produces Hugging Face's.
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
        Assert.Equal(["Tokenizers.0.1.0.nupkg", "Tokenizers.Generator.0.1.0.nupkg", "Tokenizers.MLTokenizers.0.1.0.nupkg"], names);
    }

    /// <summary>Each package shows its own readme on the gallery (docs/package-readmes/&lt;id&gt;.md): named in the nuspec, packed as README.md.</summary>
    [Fact]
    public void EveryPackageCarriesItsReadme()
    {
        string docs = Path.Combine(SharedData.RepoRoot, "docs", "package-readmes");
        foreach (string package in Directory.GetFiles(PackagesDir, "*.nupkg"))
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(package);
            var nuspec = System.Xml.Linq.XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string id = metadata.Elements().Single(e => e.Name.LocalName == "id").Value;
            Assert.Equal("README.md", metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "readme")?.Value);
            var readme = zip.GetEntry("README.md");
            Assert.NotNull(readme);
            using var reader = new StreamReader(readme.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(docs, id + ".md")), reader.ReadToEnd());
        }
    }

    [Fact]
    public void ConsumerBuildsAndEncodesLikeTiktoken()
    {
        CopyGpt2Vocabulary();
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
    /// Issue 11: the Tokenizers.MLTokenizers package from outside the repository: a generated GPT-2 class handed, through
    /// <c>AsMLTokenizer()</c>, to code written against ML.Tokenizers' <c>Tokenizer</c>.
    /// </summary>
    [Fact]
    public void ConsumerUsesTheMLTokenizersAdapter()
    {
        CopyGpt2Vocabulary();
        WriteConsumer("vocab.json;merges.txt", """
            using System;
            using System.Linq;
            using Microsoft.ML.Tokenizers;
            using Tokenizers;
            using Tokenizers.MLTokenizers;

            Tokenizer tokenizer = new Gpt2Tokenizer().AsMLTokenizer();
            string text = args[0];
            int end = tokenizer.GetIndexByTokenCount(text, 3, out _, out int count);
            int start = tokenizer.GetIndexByTokenCountFromEnd(text, 2, out _, out _);
            var tokens = tokenizer.EncodeToTokens(text, out _);
            Console.WriteLine(string.Join(" ", tokenizer.EncodeToIds(text)));
            Console.WriteLine($"{tokenizer.CountTokens(text)} {end} {count} {start} {tokenizer.Decode(tokenizer.EncodeToIds(text))}");
            Console.WriteLine(string.Join(" ", tokens.Select(t => $"{t.Offset.Start.Value}-{t.Offset.End.Value}")));

            [GeneratedTokenizer("vocab.json", "merges.txt")]
            public partial class Gpt2Tokenizer;
            """, """<PackageReference Include="Tokenizers.MLTokenizers" Version="0.1.0" />""");

        Build();
        var run = Run("I felt able to face the fact");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["40 2936 1498 284 1986 262 1109", "7 11 3 19 I felt able to face the fact", "0-1 1-6 6-11 11-14 14-19 19-23 23-28"],
            run.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    /// <summary>
    /// The three byte-level models' files, each in a subfolder as a user adds it, compiled from the packages alone; every
    /// reference vector of each goes through the consumer: its ids, its ids with the post-processor's tokens, and its
    /// decoded text (Hugging Face's: Qwen3 normalizes to NFC).
    /// </summary>
    [Fact]
    public void ConsumerCompilesByteLevelTokenizerJsonLikeHuggingFace() =>
        ConsumerMatchesHuggingFace(("llama3", "Llama3Tokenizer"), ("qwen3", "Qwen3Tokenizer"), ("deepseek_v3", "DeepSeekV3Tokenizer"));

    /// <summary>
    /// Issue 10: Llama 2 and Gemma 3 (262,144 tokens) compiled from the packages alone into one assembly,
    /// <c>[GeneratedTokenizer("gemma3/tokenizer.json")]</c>; every reference vector's ids, ids with BOS, and decoded text
    /// against Hugging Face's decode of the same ids (asked of the oracle).
    /// </summary>
    [Fact]
    public void ConsumerCompilesSentencePieceTokenizerJsonLikeHuggingFace() =>
        ConsumerMatchesHuggingFace(("llama2", "Llama2Tokenizer"), ("gemma3", "Gemma3Tokenizer"));

    /// <summary>
    /// A consumer that compiles each model's tokenizer.json from its own subfolder into a class, then prints, for every
    /// reference vector of the models, its ids, its ids with the post-processor's tokens and its decoded ids.
    /// </summary>
    private void ConsumerMatchesHuggingFace(params (string Model, string Class)[] models)
    {
        foreach (var (model, _) in models)
        {
            Directory.CreateDirectory(Path.Combine(_dir, model));
            File.Copy(HuggingFaceModels.TokenizerJson(model), Path.Combine(_dir, model, "tokenizer.json"));
        }
        string cases = string.Concat(models.Select(m => $"\n        \"{m.Model}\" => new {m.Class}(),"));
        string classes = string.Concat(models.Select(m => $"\n[GeneratedTokenizer(\"{m.Model}/tokenizer.json\")]\npublic partial class {m.Class};\n"));
        WriteConsumer(string.Join(';', models.Select(m => m.Model + "/tokenizer.json")), $$"""
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
                {{{cases}}
                    _ => throw new ArgumentException(parts[0]),
                };
                string text = Encoding.UTF8.GetString(File.ReadAllBytes(parts[1])); // keeps a leading U+FEFF
                var ids = tokenizer.EncodeToIds(text, SpecialTokenPolicy.All);
                Console.WriteLine(string.Join(" ", ids));
                Console.WriteLine(string.Join(" ", tokenizer.EncodeToIds(text, SpecialTokenPolicy.All, addSpecialTokens: true)));
                Console.WriteLine(Convert.ToBase64String(Encoding.UTF8.GetBytes(tokenizer.Decode(ids))));
            }
            {{classes}}
            """);
        var vectors = models.SelectMany(m => HuggingFaceVectors.For(m.Model)).ToList();
        Assert.Equal(310 * models.Length, vectors.Count);
        var decodes = models.SelectMany(m => ExpectedDecodes(m.Model)).ToList();
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
            if (lines[3 * i] != string.Join(" ", v.Ids)) mismatches.Add(v + ": ids");
            if (lines[3 * i + 1] != string.Join(" ", v.IdsWithSpecial)) mismatches.Add(v + ": ids with special tokens");
            if (lines[3 * i + 2] != Convert.ToBase64String(Encoding.UTF8.GetBytes(decodes[i]))) mismatches.Add(v + ": decoded text");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>
    /// Hugging Face's decode of each vector's ids: a byte-level model gives back the text after its normalizer (Qwen3's
    /// NFC); a SentencePiece-style model's is asked of Hugging Face (meta spaces, byte fallback, stripped first space).
    /// </summary>
    private static IReadOnlyList<string> ExpectedDecodes(string model)
    {
        var vectors = HuggingFaceVectors.For(model);
        if (HuggingFaceModels.SentencePiece.Contains(model)) return HuggingFaceDecodes.For(model, vectors);
        return vectors.Select(v => model == "qwen3" ? v.Text.Normalize(NormalizationForm.FormC) : v.Text).ToList();
    }

    /// <param name="packages">More package references; their dependencies outside the repository come from this machine's
    /// NuGet packages folder (restored by this build), so the consumer needs no network.</param>
    /// <summary>GPT-2's vocab.json and merges.txt from the repository into the consumer's folder.</summary>
    private void CopyGpt2Vocabulary()
    {
        foreach (string file in new[] { "vocab.json", "merges.txt" })
            File.Copy(Path.Combine(SharedData.RepoRoot, "vocab", "gpt2", file), Path.Combine(_dir, file));
    }

    private void WriteConsumer(string additionalFiles, string program, string packages = "")
    {
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(_dir, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackagesDir}" />
                {(packages.Length == 0 ? "" : $"<add key=\"global\" value=\"{globalPackages}\" />")}
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
                {packages}
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
