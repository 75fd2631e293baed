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
    public static TokenizerModel Build(CompileInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => new(input.Key, input.Key.VocabularyPath, null, EquatableArray<DiagnosticInfo>.Empty,
            HuggingFace: Tables(input, diagnostics, cancellationToken));

    private static HuggingFaceTables? Tables(CompileInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var request = input.Key;
        // tokenizer.json carries its own pre-tokenizer and added tokens: an attribute option would silently fight it.
        SplitOption.TryRead(request, diagnostics, out _);
        for (int i = 0; i < request.SpecialTokens.Count; i++)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, DiagnosticAnchor.SpecialToken(i), TextDisplay.Show(request.SpecialTokens[i]),
                "a tokenizer.json lists its own added tokens; remove SpecialTokens"));
        if (request.UnknownToken is not null)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, DiagnosticAnchor.UnknownToken,
                request.VocabularyPath, "UnknownToken applies to word lists; a tokenizer.json names its own unk_token"));
        if (diagnostics.Count > 0) return null;

        var file = TokenizerCompiler.Resolve(request.VocabularyPath, input, diagnostics);
        if (file is null) return null;

        var compiled = TokenizerJsonCompiler.Compile(file.Text!, cancellationToken, out var errors);
        foreach (var error in errors) diagnostics.Add(DiagnosticInfo.FromCompileError(error, file));
        if (compiled is null || errors.Count > 0) return null;
        return new HuggingFaceTables(compiled.Tables.ToEquatableArray(), compiled.Spec, compiled.Summary, compiled.VocabularySize);
    }
}
