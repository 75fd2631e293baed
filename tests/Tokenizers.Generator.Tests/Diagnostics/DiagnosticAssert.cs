using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Tests;

/// <summary>Runs the generator over a [GeneratedTokenizer] declaration and checks what it reports.</summary>
public static class DiagnosticAssert
{
    public const string SourcePath = GeneratorHarness.ProjectDir + "/Source0.cs";

    /// <summary>A source file whose line 2 is <paramref name="attribute"/>: its first argument starts at column 21.</summary>
    public static string Source(string attribute, string declaration = "public partial class Tok;")
        => $"using Tokenizers;\n{attribute}\n{declaration}\n";

    public static IReadOnlyList<Diagnostic> Run(string source, params AdditionalText[] files)
    {
        var (result, output) = GeneratorHarness.Run(source, files);
        var run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // No tables, at most a class whose members throw (none for a declaration that cannot take members),
            // and the TOK errors alone: the code compiles around them.
            Assert.True(run.GeneratedSources.Length <= 1, string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));
            // (Errors the declaration has on its own, such as a wrong argument type, stay.)
            var own = Errors(GeneratorHarness.Compilation(source)).Select(d => d.ToString()).ToHashSet();
            Assert.DoesNotContain(Errors(output), d => !own.Contains(d.ToString()));
        }
        return result.Diagnostics;
    }

    public static IEnumerable<Diagnostic> Errors(Microsoft.CodeAnalysis.Compilation compilation)
        => compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Exactly one diagnostic, with this id, message (help included), file and one-based line and column.</summary>
    public static void Single(IReadOnlyList<Diagnostic> diagnostics, string id, string message, string path, int line, int column)
        => Is(Assert.Single(diagnostics), id, message, path, line, column);

    public static void Is(Diagnostic diagnostic, string id, string message, string path, int line, int column)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    public static string InProject(string relativePath) => $"{GeneratorHarness.ProjectDir}/{relativePath}";
}
