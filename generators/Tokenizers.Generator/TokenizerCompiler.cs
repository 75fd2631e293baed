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

    public static TokenizerModel Compile(TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory, CancellationToken cancellationToken)
    {
        if (WordLevelCompiler.Handles(request)) return WordLevelCompiler.Compile(request, files, projectDirectory, cancellationToken);
        if (HuggingFaceCompiler.Handles(request)) return HuggingFaceCompiler.Compile(request, files, projectDirectory, cancellationToken);
        var diagnostics = new List<DiagnosticInfo>(request.Diagnostics);
        BpeTables? tables = null;
        string description = request.VocabularyPath + (request.MergesPath is null ? "" : " + " + request.MergesPath);
        if (diagnostics.Count == 0)
        {
            try
            {
                tables = CompileBpe(request, files, projectDirectory, diagnostics, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InternalError, request.AttributeLocation, request.ClassName, e.GetType().Name + ": " + e.Message));
                tables = null;
            }
        }
        if (diagnostics.Count > 0) tables = null;
        return new TokenizerModel(request.Namespace, request.ClassName, request.Accessibility, description, tables, diagnostics.ToEquatableArray(), AttributeLocation: request.AttributeLocation);
    }

    private static BpeTables? CompileBpe(TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (request.VocabularyPath.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, request.PathLocation(request.VocabularyPath), "", "the attribute names no vocabulary file"));
            return null;
        }
        bool json = request.VocabularyPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (request.MergesPath is not null && !json)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, request.PathLocation(request.VocabularyPath), request.VocabularyPath,
                "a merges file goes with a vocab.json vocabulary; a .tiktoken file or a word list takes no second argument"));
            return null;
        }
        var vocab = Resolve(request.VocabularyPath, request, files, projectDirectory, diagnostics);
        var merges = request.MergesPath is null ? null : Resolve(request.MergesPath, request, files, projectDirectory, diagnostics);
        if (vocab is null || (request.MergesPath is not null && merges is null)) return null;

        string pattern = request.Pattern ?? "gpt2";
        string? preTokenizer = PreTokenizerClass(pattern);
        if (preTokenizer is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPattern, request.PatternLocation ?? request.AttributeLocation, TextDisplay.Show(pattern),
                "BPE vocabularies take gpt2, r50k, p50k, cl100k, o200k or none"));
            return null;
        }

        BpeVocabulary? vocabulary;
        var vocabErrors = new List<CompileError>();
        var mergesErrors = new List<CompileError>();
        if (merges is not null)
        {
            vocabulary = HuggingFaceBpeParser.Parse(vocab.Text!, merges.Text!, vocabErrors, mergesErrors);
        }
        else if (vocab.Path.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
        {
            vocabulary = TiktokenParser.Parse(vocab.Text!, vocabErrors);
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, request.PathLocation(request.VocabularyPath), request.VocabularyPath,
                json ? "vocab.json needs a merges file as the attribute's second argument (a Hugging Face tokenizer.json takes one argument)" : "expected a tokenizer.json, a .tiktoken file, vocab.json with merges.txt, or a .txt word list"));
            return null;
        }
        foreach (var error in vocabErrors) diagnostics.Add(DiagnosticInfo.FromCompileError(error, vocab));
        foreach (var error in mergesErrors) diagnostics.Add(DiagnosticInfo.FromCompileError(error, merges!));
        cancellationToken.ThrowIfCancellationRequested();
        if (vocabulary is null || !AddSpecialTokens(request, vocabulary, diagnostics)) return null;

        var built = BpeTableBuilder.Build(vocabulary, out string? tooLarge);
        if (built is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, vocab.Name, tooLarge!));
            return null;
        }
        if (built.Chars > MaxDataChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, vocab.Name, $"its tables take {TextDisplay.Number(built.Chars * 2L)} bytes of string literals, over the {TextDisplay.Number(MaxDataChars * 2L)} one tokenizer may use"));
            return null;
        }
        return new BpeTables(built.Trie, built.TokenBytes, built.TokenOffsets, built.RankToId, preTokenizer,
            built.SpecialTokens.Select(s => new SpecialTokenModel(s.Text, s.Id)).ToEquatableArray(),
            built.VocabularySize, built.MergeableCount, built.TrieSlots, built.Splits);
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
    private static bool AddSpecialTokens(TokenizerRequest request, BpeVocabulary vocabulary, List<DiagnosticInfo> diagnostics)
    {
        var problems = new List<(int Index, string Why)>();
        SpecialTokenSpecs.Add(vocabulary, request.SpecialTokens.Items, problems);
        foreach (var (index, why) in problems)
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, request.SpecialTokenLocation(index), TextDisplay.Show(request.SpecialTokens[index]), why));
        return problems.Count == 0;
    }

    /// <summary>
    /// Finds the AdditionalFiles item for an attribute path: by path relative to the project, else by file name.
    /// Reports a missing, unreadable, empty or non-UTF-8 file.
    /// </summary>
    internal static VocabularyFile? Resolve(string path, TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory, List<DiagnosticInfo> diagnostics)
    {
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
            foreach (var file in files)
                if (string.Equals(Path.GetFileName(file.Path), name, StringComparison.OrdinalIgnoreCase)) { found = file; break; }
        }
        if (found is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.FileNotFound, request.PathLocation(path), path));
            return null;
        }
        if (found.Text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableFile, request.PathLocation(path), found.Name, "the compiler could not read the file"));
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
