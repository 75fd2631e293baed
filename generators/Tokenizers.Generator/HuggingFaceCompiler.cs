using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.Generator.Model;
using Tokenizers.Generator.Parsing;

namespace Tokenizers.Generator;

/// <summary>
/// Compiles a Hugging Face tokenizer.json (one .json argument that is not a bare vocab.json) with the shared
/// <see cref="TokenizerJsonCompiler"/>, the code the run-time loader runs too. Never throws.
/// </summary>
internal static class HuggingFaceCompiler
{
    public static bool Handles(TokenizerRequest request)
        => request.MergesPath is null
           && request.VocabularyPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
           && !string.Equals(Path.GetFileName(request.VocabularyPath), "vocab.json", StringComparison.OrdinalIgnoreCase);

    public static TokenizerModel Compile(TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>(request.Diagnostics);
        HuggingFaceTables? tables = null;
        if (diagnostics.Count == 0)
        {
            try
            {
                tables = Build(request, files, projectDirectory, diagnostics, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InternalError, request.AttributeLocation, request.ClassName, e.GetType().Name + ": " + e.Message));
            }
        }
        if (diagnostics.Count > 0) tables = null;
        return new TokenizerModel(request.Namespace, request.ClassName, request.Accessibility, request.VocabularyPath, null,
            diagnostics.ToEquatableArray(), HuggingFace: tables, AttributeLocation: request.AttributeLocation);
    }

    private static HuggingFaceTables? Build(TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        // tokenizer.json carries its own pre-tokenizer and added tokens: an attribute option would silently fight it.
        if (request.Pattern is not null)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPattern, request.PatternLocation ?? request.AttributeLocation,
                TextDisplay.Show(request.Pattern), "a tokenizer.json defines its own pre-tokenizer; remove Pattern"));
        for (int i = 0; i < request.SpecialTokens.Count; i++)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, request.SpecialTokenLocation(i), TextDisplay.Show(request.SpecialTokens[i]),
                "a tokenizer.json lists its own added tokens; remove SpecialTokens"));
        if (request.UnknownToken is not null)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, request.UnknownTokenLocation ?? request.AttributeLocation,
                request.VocabularyPath, "UnknownToken applies to word lists; a tokenizer.json names its own unk_token"));
        if (diagnostics.Count > 0) return null;

        var file = TokenizerCompiler.Resolve(request.VocabularyPath, request, files, projectDirectory, diagnostics);
        if (file is null) return null;

        var compiled = TokenizerJsonCompiler.Compile(file.Text!, cancellationToken, out var errors);
        foreach (var error in errors) diagnostics.Add(DiagnosticInfo.FromCompileError(error, file));
        if (compiled is null || errors.Count > 0) return null;
        return new HuggingFaceTables(compiled.Tables.ToEquatableArray(), compiled.Spec, compiled.Summary, compiled.VocabularySize);
    }
}
