using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tokenizers.Generator.Emit;
using Tokenizers.Generator.Model;
using Tokenizers.Generator.Parsing;

namespace Tokenizers.Generator;

/// <summary>
/// Compiles [GeneratedTokenizer] classes. Every step holds value-equatable data, no symbols or syntax, and only the
/// cheap steps see positions:
/// <list type="number">
/// <item>attribute → request: the key (content: class, paths, pattern, special tokens) and the locations;</item>
/// <item>AdditionalFiles → text, read only for files whose name an attribute gives;</item>
/// <item>key + those files → input → model: the expensive compile, keyed on content, so moving the declaration or
/// editing another file or another tokenizer's vocabulary leaves it cached;</item>
/// <item>all models → the string-heap budget of the assembly → outputs → source;</item>
/// <item>request locations + outputs → diagnostics, located last.</item>
/// </list>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TokenizerGenerator : IIncrementalGenerator
{
    public const string AttributeName = "Tokenizers.GeneratedTokenizerAttribute";

    /// <summary>Step names, for incremental-caching tests.</summary>
    public static class Steps
    {
        public const string Request = nameof(Request);
        public const string Key = nameof(Key);
        public const string NamedFiles = nameof(NamedFiles);
        public const string FileText = nameof(FileText);
        public const string Files = nameof(Files);
        public const string ProjectDirectory = nameof(ProjectDirectory);
        public const string Input = nameof(Input);
        public const string Model = nameof(Model);
        public const string Budget = nameof(Budget);
        public const string Output = nameof(Output);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var requests = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeName, static (node, _) => node is ClassDeclarationSyntax || (node is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)), RequestReader.Read)
            .WithTrackingName(Steps.Request);

        var keys = requests.Select(static (request, _) => request.Key).WithTrackingName(Steps.Key);

        // The file names the attributes give: only files of those names are read.
        var namedFiles = keys.Collect()
            .Select(static (all, _) => all.SelectMany(k => new[] { k.VocabularyPath, k.MergesPath })
                .Where(p => !string.IsNullOrEmpty(p)).Select(p => TokenizerKey.SafeFileName(p!).ToUpperInvariant())
                .Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(Steps.NamedFiles);

        var files = context.AdditionalTextsProvider
            .Combine(namedFiles)
            .Where(static pair => pair.Right.Contains(TokenizerKey.SafeFileName(pair.Left.Path).ToUpperInvariant()))
            .Select(static (pair, ct) => VocabularyFile.From(pair.Left, ct))
            .WithTrackingName(Steps.FileText)
            .Collect()
            .WithTrackingName(Steps.Files);

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var dir) ? dir : null)
            .WithTrackingName(Steps.ProjectDirectory);

        var models = keys
            .Combine(files)
            .Combine(projectDirectory)
            .Select(static (input, _) => new CompileInput(input.Left.Left,
                input.Left.Right.Where(f => input.Left.Left.MayName(f.Name)).ToEquatableArray(), input.Right))
            .WithTrackingName(Steps.Input)
            .Select(static (input, ct) => TokenizerCompiler.Compile(input, ct))
            .WithTrackingName(Steps.Model);

        var overruns = models.Collect()
            .Select(static (all, ct) => HeapBudget.Check(all, ct))
            .WithTrackingName(Steps.Budget);

        var outputs = models
            .Combine(overruns)
            .Select(static (pair, _) => pair.Right.FirstOrDefault(o => o.Key == pair.Left.Key) is { } overrun
                ? pair.Left with { Bpe = null, Words = null, HuggingFace = null, Diagnostics = new[] { overrun.Diagnostic }.ToEquatableArray() }
                : pair.Left)
            .WithTrackingName(Steps.Output);

        context.RegisterSourceOutput(outputs, static (spc, model) => Emit(spc, model));

        context.RegisterSourceOutput(requests.Combine(outputs.Collect()), static (spc, pair) =>
        {
            var (request, all) = pair;
            foreach (var model in all)
            {
                if (model.Key != request.Key) continue;
                foreach (var diagnostic in model.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic(request.Locations));
                return;
            }
        });
    }

    private static void Emit(SourceProductionContext spc, TokenizerModel model)
    {
        // A declaration that cannot take members (TOK002) gets none; any other error, a class whose members throw.
        if (model.Key.TargetProblem is not null) return;
        string hint = model.Key.FullName;
        if (model.Diagnostics.Count > 0)
        {
            spc.AddSource(hint + ".g.cs", FailedEmitter.Emit(model));
            return;
        }
        if (model.Words is not null)
        {
            spc.AddSource(hint + ".g.cs", WordLevelEmitter.EmitMembers(model));
            spc.AddSource(hint + ".Data.g.cs", WordLevelEmitter.EmitData(model));
        }
        else if (model.HuggingFace is not null)
        {
            spc.AddSource(hint + ".g.cs", HuggingFaceEmitter.EmitMembers(model));
            spc.AddSource(hint + ".Data.g.cs", HuggingFaceEmitter.EmitData(model));
        }
        else if (model.Bpe is not null)
        {
            spc.AddSource(hint + ".g.cs", TokenizerEmitter.EmitMembers(model));
            spc.AddSource(hint + ".Data.g.cs", TokenizerEmitter.EmitData(model));
        }
    }
}
