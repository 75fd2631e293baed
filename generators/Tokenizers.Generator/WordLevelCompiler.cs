using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.Generator.Model;
using Tokenizers.Generator.Parsing;

namespace Tokenizers.Generator;

/// <summary>Compiles a word list (a <c>.txt</c> vocabulary without merges) into a word-level model. Never throws.</summary>
internal static class WordLevelCompiler
{
    /// <summary>The notebook's split pattern; a word list without a Pattern uses it through the runtime's scanner.</summary>
    public const string NotebookPattern = "([,.?_!\"()']|--|\\s)";

    private const int MaxDataChars = 7 * 1024 * 1024;

    public static bool Handles(TokenizerRequest request)
        => request.MergesPath is null && request.VocabularyPath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    public static TokenizerModel Compile(TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>(request.Diagnostics);
        WordTables? tables = null;
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
            diagnostics.ToEquatableArray(), tables);
    }

    private static WordTables? Build(TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        for (int i = 0; i < request.SpecialTokens.Count; i++)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, request.SpecialTokenLocation(i), TextDisplay.Show(request.SpecialTokens[i]),
                "word lists have no special tokens; add the token as a line of the word list instead"));

        string? pattern = request.Pattern == NotebookPattern ? null : request.Pattern;
        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPattern, request.PatternLocation ?? request.AttributeLocation, TextDisplay.Show(pattern), e.Message.TrimEnd('.')));
            }
        }

        var file = TokenizerCompiler.Resolve(request.VocabularyPath, request, files, projectDirectory, diagnostics);
        if (file is null || diagnostics.Count > 0) return null;
        var errors = new List<CompileError>();
        var words = WordListParser.Parse(file.Text!, errors);
        foreach (var error in errors) diagnostics.Add(DiagnosticInfo.FromCompileError(error, file));
        cancellationToken.ThrowIfCancellationRequested();
        if (words is null) return null;

        int unknownId = -1;
        if (request.UnknownToken is not null)
        {
            unknownId = words.IndexOf(request.UnknownToken);
            if (unknownId < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownTokenNotInVocabulary, request.UnknownTokenLocation ?? request.AttributeLocation, TextDisplay.Show(request.UnknownToken), file.Name));
                return null;
            }
        }

        var tables = WordLevelTables.Build(words, request.UnknownToken, unknownId, pattern);
        int chars = tables.Words.Length + tables.WordOffsets.Length + tables.Buckets.Length;
        if (chars > MaxDataChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, file.Name,
                $"its tables take {TextDisplay.Number(chars * 2L)} bytes of string literals, over the {TextDisplay.Number(MaxDataChars * 2L)} one tokenizer may use"));
            return null;
        }
        return tables;
    }
}
