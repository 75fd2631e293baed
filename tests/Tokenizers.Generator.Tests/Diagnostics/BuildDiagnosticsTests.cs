using System.Diagnostics;
using System.Text;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a small project that uses this generator (the assembly the tests reference) shows
/// TOK errors with the file, line and column of the broken vocabulary, and detects a file that is not UTF-8 the way
/// the in-process tests (<see cref="CompilerText"/>) assume the compiler decodes it.
/// </summary>
public sealed class BuildDiagnosticsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tokenizers-diagnostics-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void DotnetBuildReportsTokErrorsWithFileLineAndColumn()
    {
        string generator = typeof(TokenizerGenerator).Assembly.Location;
        string runtime = typeof(ITokenizer).Assembly.Location;
        File.WriteAllText(Path.Combine(_dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <UseSharedCompilation>false</UseSharedCompilation>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Tokenizers" HintPath="{runtime}" />
                <Analyzer Include="{generator}" />
                <AdditionalFiles Include="data/vocab.json;data/merges.txt;words.txt;latin1.tiktoken" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(_dir, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken", "invalid-json.json"), Path.Combine(_dir, "data", "vocab.json"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny-hf", "merges.txt"), Path.Combine(_dir, "data", "merges.txt"));
        // Line 2 holds "caf" and a Latin-1 é (0xE9), which is not UTF-8.
        File.WriteAllBytes(Path.Combine(_dir, "words.txt"), [.. "the\ncaf"u8, 0xE9, .. "\n"u8]);
        File.WriteAllBytes(Path.Combine(_dir, "latin1.tiktoken"), [.. "AA== 0\n"u8, 0xFF, .. " 1\n"u8]);
        File.WriteAllText(Path.Combine(_dir, "Tokenizers.cs"), """
            using Tokenizers;

            [GeneratedTokenizer("data/vocab.json", "data/merges.txt")]
            public partial class Json;

            [GeneratedTokenizer("words.txt")]
            public partial class Words;

            [GeneratedTokenizer("latin1.tiktoken")]
            public partial class Ranks;

            [GeneratedTokenizer("missing.tiktoken")]
            public partial class Missing;

            // Uses of the broken tokenizers: the TOK errors stand alone, with no CS error here (issue 12 §2).
            public static class Uses
            {
                public static int Count(string text)
                    => new Json().CountTokens(text) + new Words().GetToken(0).Length + new Ranks().EncodeToIds(text, SpecialTokenPolicy.All).Count
                       + new Missing().PreTokenizer.GetHashCode() + new Missing().SpecialTokens.Count;
            }
            """, Encoding.UTF8);

        var (exitCode, output) = Tokenizers.Tests.DotNet.Run(_dir, "build", "-nologo", "-nodeReuse:false", "-p:TreatWarningsAsErrors=false");
        Assert.NotEqual(0, exitCode);
        string dir = _dir + Path.DirectorySeparatorChar;
        Assert.Contains($"{dir}data{Path.DirectorySeparatorChar}vocab.json(3,7): error TOK003: vocab.json(3,7): expected ':' after a key, found '1'.", output, StringComparison.Ordinal);
        Assert.Contains($"{dir}words.txt(2,4): error TOK011: words.txt(2,4): the file is not UTF-8: invalid bytes here (the compiler read them as U+FFFD).", output, StringComparison.Ordinal);
        Assert.Contains($"{dir}latin1.tiktoken(2,1): error TOK011: latin1.tiktoken(2,1): the file is not UTF-8", output, StringComparison.Ordinal);
        Assert.Contains($"{dir}Tokenizers.cs(12,21): error TOK001: 'missing.tiktoken' matches no AdditionalFiles item. Add <AdditionalFiles Include=\"missing.tiktoken\" /> to the project file.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);
    }
}
