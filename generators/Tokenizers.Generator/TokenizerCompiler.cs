using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Threading;
using Tokenizers.Generator.Building;
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
        return new TokenizerModel(request.Namespace, request.ClassName, request.Accessibility, description, tables, diagnostics.ToEquatableArray());
    }

    private static BpeTables? CompileBpe(TokenizerRequest request, ImmutableArray<VocabularyFile> files, string? projectDirectory,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var vocab = Resolve(request.VocabularyPath, request, files, projectDirectory, diagnostics);
        var merges = request.MergesPath is null ? null : Resolve(request.MergesPath, request, files, projectDirectory, diagnostics);
        if (vocab is null || (request.MergesPath is not null && merges is null)) return null;

        string pattern = request.Pattern ?? "gpt2";
        string? preTokenizer = PreTokenizerClass(pattern);
        if (preTokenizer is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPattern, request.AttributeLocation, pattern, "BPE vocabularies take gpt2, cl100k, o200k or none"));
            return null;
        }

        BpeVocabulary? vocabulary;
        if (merges is not null)
        {
            vocabulary = HuggingFaceBpeParser.Parse(vocab, merges, diagnostics);
        }
        else if (vocab.Path.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
        {
            vocabulary = TiktokenParser.Parse(vocab, diagnostics);
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, request.AttributeLocation, request.VocabularyPath,
                vocab.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "vocab.json needs a merges file as the attribute's second argument" : "expected a .tiktoken file or vocab.json with merges.txt"));
            return null;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (vocabulary is null || !AddSpecialTokens(request, vocabulary, diagnostics)) return null;

        if (vocabulary.Mergeable.Count * 3 > DoubleArrayTrieBuilder.MaxBase)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, vocab.Name, $"{vocabulary.Mergeable.Count} tokens exceed the trie's 23-bit address space"));
            return null;
        }
        var tables = BpeTableBuilder.Build(vocabulary, preTokenizer);
        int chars = tables.TrieUnits.Length + tables.TrieValues.Length + tables.TokenBytes.Length + tables.TokenOffsets.Length + (tables.RankToId?.Length ?? 0) + tables.Splits.Length;
        if (chars > MaxDataChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, vocab.Name, $"its tables take {chars * 2L:N0} bytes of string literals, over the {MaxDataChars * 2L:N0} one tokenizer may use"));
            return null;
        }
        return tables;
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
        bool ok = true;
        foreach (string spec in request.SpecialTokens)
        {
            int eq = spec.LastIndexOf('=');
            if (eq <= 0 || !int.TryParse(spec.Substring(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                ok = Fail(spec, "expected \"text=id\" with a non-negative id");
                continue;
            }
            string text = spec.Substring(0, eq);
            int existing = vocabulary.Specials.FindIndex(s => s.Text == text);
            if (existing >= 0)
            {
                if (vocabulary.Specials[existing].Id != id) ok = Fail(spec, $"the vocabulary already gives it id {vocabulary.Specials[existing].Id}");
                continue;
            }
            if (id < vocabulary.TokenBytes.Count && vocabulary.TokenBytes[id] is not null)
            {
                ok = Fail(spec, $"id {id} is already a vocabulary token");
                continue;
            }
            vocabulary.Specials.Add((text, id));
            vocabulary.SetBytes(id, System.Text.Encoding.UTF8.GetBytes(text));
        }
        return ok;

        bool Fail(string spec, string why)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, request.AttributeLocation, spec, why));
            return false;
        }
    }

    /// <summary>Finds the AdditionalFiles item for an attribute path: by path relative to the project, else by file name.</summary>
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
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.FileNotFound, request.AttributeLocation, path));
            return null;
        }
        if (found.Text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableFile, request.AttributeLocation, found.Name, "the file could not be read"));
            return null;
        }
        if (found.Text.Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableFile, found.AtStart(), found.Name, "the file is empty"));
            return null;
        }
        int bad = found.Text.IndexOf('\uFFFD');
        if (bad >= 0)
        {
            var where = new LineMap(found.Text).PointAt(bad);
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableFile, found.At(where), found.Name, $"({where.Display}) the file is not valid UTF-8"));
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
