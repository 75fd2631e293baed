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
/// Compiles [GeneratedTokenizer] classes. Pipeline: attribute → request; AdditionalFiles → (path, text);
/// request + files → model (parsed and precomputed tables); model → source. Every stage holds value-equatable data,
/// so edits that do not touch a tokenizer or its files leave it cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TokenizerGenerator : IIncrementalGenerator
{
    public const string AttributeName = "Tokenizers.GeneratedTokenizerAttribute";

    /// <summary>Step names, for incremental-caching tests.</summary>
    public static class Steps
    {
        public const string Request = nameof(Request);
        public const string Files = nameof(Files);
        public const string ProjectDirectory = nameof(ProjectDirectory);
        public const string Model = nameof(Model);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var requests = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeName, static (node, _) => node is ClassDeclarationSyntax || (node is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)), RequestReader.Read)
            .WithTrackingName(Steps.Request);

        var files = context.AdditionalTextsProvider
            .Select(static (text, ct) => VocabularyFile.From(text, ct))
            .Collect()
            .WithTrackingName(Steps.Files);

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var dir) ? dir : null)
            .WithTrackingName(Steps.ProjectDirectory);

        var models = requests
            .Combine(files)
            .Combine(projectDirectory)
            .Select(static (input, ct) => TokenizerCompiler.Compile(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(Steps.Model);

        // All tokenizers of an assembly share its 16 MB string-literal heap: the sum is checked, not each one.
        var literalUses = models
            .Select(static (model, _) => new LiteralUse(model.ClassName, model.AttributeLocation, model.LiteralChars()))
            .Collect();
        context.RegisterSourceOutput(literalUses, static (spc, uses) =>
        {
            foreach (var diagnostic in LiteralBudget.Check(uses)) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            foreach (var diagnostic in model.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            string hint = (model.Namespace is null ? "" : model.Namespace + ".") + model.ClassName;
            if (model.Words is not null)
            {
                spc.AddSource(hint + ".g.cs", WordLevelEmitter.EmitMembers(model));
                spc.AddSource(hint + ".Data.g.cs", WordLevelEmitter.EmitData(model));
                return;
            }
            if (model.HuggingFace is not null)
            {
                spc.AddSource(hint + ".g.cs", HuggingFaceEmitter.EmitMembers(model));
                spc.AddSource(hint + ".Data.g.cs", HuggingFaceEmitter.EmitData(model));
                return;
            }
            if (model.Bpe is null) return;
            spc.AddSource(hint + ".g.cs", TokenizerEmitter.EmitMembers(model));
            spc.AddSource(hint + ".Data.g.cs", TokenizerEmitter.EmitData(model));
        });
    }
}
