using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Tokenizers.Generator.Tests;

/// <summary>Runs <see cref="TokenizerGenerator"/> in-process over source and additional files, as a build would.</summary>
public static class GeneratorHarness
{
    public const string ProjectDir = "/project";

    private static readonly ImmutableArray<MetadataReference> s_references = LoadReferences();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(ITokenizer).Assembly.Location);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create("Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"{ProjectDir}/Source{i}.cs")),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static AdditionalText File(string relativePath, string text) => new InMemoryText($"{ProjectDir}/{relativePath}", text);

    /// <summary>A fixture file from Fixtures/, as an additional file at the same relative path in the fake project.</summary>
    public static AdditionalText Fixture(string relativePath)
        => File(relativePath, System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath)));

    public static GeneratorDriver Driver(params AdditionalText[] files)
        => CSharpGeneratorDriver.Create(
            [new TokenizerGenerator().AsSourceGenerator()],
            files,
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new ProjectOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its result and the compilation with the generated code.</summary>
    public static (GeneratorDriverRunResult Result, Microsoft.CodeAnalysis.Compilation Output) Run(string source, params AdditionalText[] files)
    {
        var driver = Driver(files).RunGeneratorsAndUpdateCompilation(Compilation(source), out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Emits and loads the compilation, failing on any error.</summary>
    public static Assembly Load(Microsoft.CodeAnalysis.Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    private sealed class ProjectOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly AnalyzerConfigOptions Empty = new EmptyOptions();

            public override bool TryGetValue(string key, out string value)
            {
                value = ProjectDir;
                return key == "build_property.MSBuildProjectDirectory";
            }
        }

        private sealed class EmptyOptions : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = "";
                return false;
            }
        }
    }
}
