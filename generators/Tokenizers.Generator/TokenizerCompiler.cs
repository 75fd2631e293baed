using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Linq;
using Tokenizers.Compilation;
using Tokenizers.Generator.Model;
using Tokenizers.Generator.Parsing;

namespace Tokenizers.Generator;

/// <summary>Compiles one request and its vocabulary files into a <see cref="TokenizerModel"/>. Never throws.</summary>
internal static class TokenizerCompiler
{
    /// <summary>The string-literal heap of an assembly holds 16 MB; leave room for the rest of the assembly.</summary>
    private const int MaxDataChars = 7 * 1024 * 1024;

    public static TokenizerModel Compile(CompileInput input, CancellationToken cancellationToken)
    {
        var key = input.Key;
        var diagnostics = new List<DiagnosticInfo>();
        if (key.TargetProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidTarget, DiagnosticAnchor.ClassName, key.ClassName, key.TargetProblem));
            return new TokenizerModel(key, key.VocabularyPath, null, diagnostics.ToEquatableArray());
        }
        var model = key.Kind switch
        {
            TokenizerKind.WordList => Guarded(input, diagnostics, WordLevelCompiler.Build, cancellationToken),
            TokenizerKind.TokenizerJson => Guarded(input, diagnostics, HuggingFaceCompiler.Build, cancellationToken),
            _ => Guarded(input, diagnostics, CompileBpe, cancellationToken),
        };
        return diagnostics.Count > 0
            ? new TokenizerModel(key, model.SourceDescription, null, diagnostics.ToEquatableArray())
            : model with { Literals = HeapBudget.LiteralsOf(model) };
    }

    /// <summary>Runs one kind's compiler, turning an unexpected exception into TOK015.</summary>
    private static TokenizerModel Guarded(CompileInput input, List<DiagnosticInfo> diagnostics,
        Func<CompileInput, List<DiagnosticInfo>, CancellationToken, TokenizerModel> compile, CancellationToken cancellationToken)
    {
        try
        {
            return compile(input, diagnostics, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InternalError, DiagnosticAnchor.Attribute, input.Key.ClassName, e.GetType().Name + ": " + e.Message));
            return new TokenizerModel(input.Key, input.Key.VocabularyPath, null, EquatableArray<DiagnosticInfo>.Empty);
        }
    }

    private static TokenizerModel CompileBpe(CompileInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var request = input.Key;
        string description = request.VocabularyPath + (request.MergesPath is null ? "" : " + " + request.MergesPath);
        var tables = CompileBpe(input, description, diagnostics, cancellationToken);
        return new TokenizerModel(request, description, tables, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static BpeTables? CompileBpe(CompileInput input, string description, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var request = input.Key;
        if (request.VocabularyPath.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, DiagnosticAnchor.Vocabulary, "", "the attribute names no vocabulary file"));
            return null;
        }
        bool json = request.VocabularyPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (request.MergesPath is not null && !json)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, DiagnosticAnchor.Vocabulary, request.VocabularyPath,
                "a merges file goes with a vocab.json vocabulary; a .tiktoken file or a word list takes no second argument"));
            return null;
        }
        var vocab = Resolve(request.VocabularyPath, input, diagnostics);
        var merges = request.MergesPath is null ? null : Resolve(request.MergesPath, input, diagnostics);
        if (vocab is null || (request.MergesPath is not null && merges is null)) return null;

        if (!SplitOption.TryRead(request, diagnostics, out var option)) return null;
        string? preTokenizer = PreTokenizerClass(option.Value ?? "gpt2");
        if (preTokenizer is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPattern, option.Where, option.Name, TextDisplay.Show(option.Value!),
                "BPE vocabularies take gpt2, r50k, p50k, cl100k, o200k or none"));
            return null;
        }

        BpeVocabulary? vocabulary;
        var vocabErrors = new List<CompileError>();
        var mergesErrors = new List<CompileError>();
        if (merges is not null)
        {
            vocabulary = HuggingFaceBpeParser.Parse(vocab.Text!, merges.Text!, vocabErrors, mergesErrors, cancellationToken);
        }
        else if (vocab.Path.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
        {
            vocabulary = TiktokenParser.Parse(vocab.Text!, vocabErrors);
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, DiagnosticAnchor.Vocabulary, request.VocabularyPath,
                json ? "vocab.json needs a merges file as the attribute's second argument (a Hugging Face tokenizer.json takes one argument)" : "expected a tokenizer.json, a .tiktoken file, vocab.json with merges.txt, or a .txt word list"));
            return null;
        }
        foreach (var error in CompileErrorList.Capped(vocabErrors)) diagnostics.Add(DiagnosticInfo.FromCompileError(error, vocab));
        foreach (var error in CompileErrorList.Capped(mergesErrors)) diagnostics.Add(DiagnosticInfo.FromCompileError(error, merges!));
        cancellationToken.ThrowIfCancellationRequested();
        if (vocabulary is null || !AddSpecialTokens(request, vocabulary, diagnostics)) return null;

        var built = BpeTableBuilder.Build(vocabulary, out string? tooLarge, cancellationToken);
        if (built is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, DiagnosticAnchor.Attribute, vocab.Name, tooLarge!));
            return null;
        }
        if (built.Chars > MaxDataChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, DiagnosticAnchor.Attribute, vocab.Name, $"its tables take {TextDisplay.Number(built.Chars * 2L)} bytes of string literals, over the {TextDisplay.Number(MaxDataChars * 2L)} one tokenizer may use"));
            return null;
        }
        return new BpeTables(built.Trie, built.TokenBytes, built.TokenOffsets, built.RankToId, preTokenizer,
            built.SpecialTokens.Select(s => new SpecialTokenModel(s.Text, s.Id)).ToEquatableArray(),
            built.VocabularySize, built.MergeableCount, built.TrieSlots, built.Splits, built.CrossFloors, built.MergeRuleSummary);
    }

    /// <summary>The runtime scanner for a pattern name, or null when unknown.</summary>
    private static string? PreTokenizerClass(string pattern) => pattern switch
    {
        "gpt2" or "r50k" or "r50k_base" or "p50k" or "p50k_base" => "Gpt2PreTokenizer",
        "cl100k" or "cl100k_base" => "Cl100kPreTokenizer",
        "o200k" or "o200k_base" => "O200kPreTokenizer",
        "none" => "WholeTextPreTokenizer",
        _ => null,
    };

    /// <summary>Adds the attribute's "text=id" special tokens; false after reporting a bad one.</summary>
    private static bool AddSpecialTokens(TokenizerKey request, BpeVocabulary vocabulary, List<DiagnosticInfo> diagnostics)
    {
        var problems = new List<(int Index, string Why)>();
        SpecialTokenSpecs.Add(vocabulary, request.SpecialTokens.Items, problems);
        foreach (var (index, why) in problems)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, DiagnosticAnchor.SpecialToken(index), TextDisplay.Show(request.SpecialTokens[index]), why));
        return problems.Count == 0;
    }

    /// <summary>
    /// Finds the AdditionalFiles item for an attribute path: by path relative to the project, else by file name when
    /// one item alone has it. Reports a missing, ambiguous, unreadable, empty or non-UTF-8 file.
    /// </summary>
    internal static VocabularyFile? Resolve(string path, CompileInput input, List<DiagnosticInfo> diagnostics)
    {
        var files = input.Files;
        string? projectDirectory = input.ProjectDirectory;
        var at = DiagnosticAnchor.PathArgument(input.Key, path);
        VocabularyFile? found = null;
        if (!string.IsNullOrEmpty(projectDirectory) && path.Length > 0)
        {
            string wanted = Normalize(Path.Combine(projectDirectory, path));
            foreach (var file in files)
                if (string.Equals(Normalize(file.Path), wanted, StringComparison.OrdinalIgnoreCase)) { found = file; break; }
        }
        if (found is null && path.Length > 0)
        {
            string name = Path.GetFileName(path);
            int matches = 0;
            foreach (var file in files)
                if (string.Equals(Path.GetFileName(file.Path), name, StringComparison.OrdinalIgnoreCase)) { found ??= file; matches++; }
            // Several models' files are all named tokenizer.json: picking one of them would compile the wrong model.
            if (matches > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.AmbiguousFile, at, path, matches, name));
                return null;
            }
        }
        if (found is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.FileNotFound, at, path));
            return null;
        }
        if (found.Text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableFile, at, found.Name, "the compiler could not read the file"));
            return null;
        }
        var problem = found.NotUtf8 is { } notUtf8
            ? VocabularyText.NotUtf8(new LineMap(found.Text).PointAt(Math.Min(notUtf8.Offset, found.Text.Length)), notUtf8.Detail)
            : VocabularyText.Blank(found.Text);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.FromCompileError(problem, found));
            return null;
        }
        return found;
    }

    private static string Normalize(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception)
        {
            return path.Replace('\\', '/');
        }
    }
}
