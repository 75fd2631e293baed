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
    /// <summary>The notebook's split pattern; a word list without a SplitRegex uses it through the runtime's scanner.</summary>
    public const string NotebookPattern = "([,.?_!\"()']|--|\\s)";

    private const int MaxDataChars = 7 * 1024 * 1024;

    public static TokenizerModel Build(CompileInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => new(input.Key, input.Key.VocabularyPath, null, EquatableArray<DiagnosticInfo>.Empty,
            Tables(input, diagnostics, cancellationToken));

    private static WordTables? Tables(CompileInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var request = input.Key;
        for (int i = 0; i < request.SpecialTokens.Count; i++)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, DiagnosticAnchor.SpecialToken(i), TextDisplay.Show(request.SpecialTokens[i]),
                "word lists have no special tokens; add the token as a line of the word list instead"));

        SplitOption.TryRead(request, diagnostics, out var option);
        string? pattern = option.Value == NotebookPattern ? null : option.Value;
        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPattern, option.Where, option.Name, TextDisplay.Show(pattern), e.Message.TrimEnd('.')));
            }
        }

        var file = TokenizerCompiler.Resolve(request.VocabularyPath, input, diagnostics);
        if (file is null || diagnostics.Count > 0) return null;
        var errors = new List<CompileError>();
        var words = WordListParser.Parse(file.Text!, errors);
        foreach (var error in CompileErrorList.Capped(errors)) diagnostics.Add(DiagnosticInfo.FromCompileError(error, file));
        cancellationToken.ThrowIfCancellationRequested();
        if (words is null) return null;

        int unknownId = -1;
        if (request.UnknownToken is not null)
        {
            unknownId = words.IndexOf(request.UnknownToken);
            if (unknownId < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownTokenNotInVocabulary, DiagnosticAnchor.UnknownToken, TextDisplay.Show(request.UnknownToken), file.Name));
                return null;
            }
        }

        var tables = WordLevelTables.Build(words, request.UnknownToken, unknownId, pattern, cancellationToken);
        int chars = tables.Words.Length + tables.WordOffsets.Length + tables.Buckets.Length;
        if (chars > MaxDataChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, DiagnosticAnchor.Attribute, file.Name,
                $"its tables take {TextDisplay.Number(chars * 2L)} bytes of string literals, over the {TextDisplay.Number(MaxDataChars * 2L)} one tokenizer may use"));
            return null;
        }
        return tables;
    }
}
