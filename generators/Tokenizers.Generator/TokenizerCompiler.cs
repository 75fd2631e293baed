using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.Generator.Building;
using Tokenizers.Generator.Model;
using Tokenizers.Generator.Parsing;

namespace Tokenizers.Generator;

/// <summary>Compiles one request and its vocabulary files into a <see cref="TokenizerModel"/>. Never throws.</summary>
internal static class TokenizerCompiler
{
    /// <summary>The string-literal heap of an assembly holds 16 MB; leave room for the rest of the assembly.</summary>
    private const int MaxDataChars = 7 * 1024 * 1024;

    /// <summary>
    /// The largest id or rank a vocabulary may use: the id table holds two chars an id, so larger ids could not fit
    /// <see cref="MaxDataChars"/> anyway, and refusing them early keeps a stray huge number from allocating gigabytes.
    /// </summary>
    public const int MaxTokenId = (1 << 22) - 1;

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
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedFormat, request.PathLocation(request.VocabularyPath), request.VocabularyPath,
                json ? "vocab.json needs a merges file as the attribute's second argument" : "expected a .tiktoken file, vocab.json with merges.txt, or a .txt word list"));
            return null;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (vocabulary is null || !AddSpecialTokens(request, vocabulary, diagnostics)) return null;

        if (vocabulary.Mergeable.Count * 3L > DoubleArrayTrieBuilder.MaxBase)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, vocab.Name,
                $"{TextDisplay.Number(vocabulary.Mergeable.Count)} mergeable tokens exceed the trie's 23-bit address space"));
            return null;
        }
        BpeTables tables;
        try
        {
            tables = BpeTableBuilder.Build(vocabulary, preTokenizer);
        }
        catch (TrieTooLargeException)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, vocab.Name,
                "its trie outgrows the 23-bit addresses of the generated layout"));
            return null;
        }
        long chars = (long)tables.Trie.Length + tables.TokenBytes.Length + tables.TokenOffsets.Length + (tables.RankToId?.Length ?? 0) + tables.Splits.Length;
        if (chars > MaxDataChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, request.AttributeLocation, vocab.Name, $"its tables take {TextDisplay.Number(chars * 2L)} bytes of string literals, over the {TextDisplay.Number(MaxDataChars * 2L)} one tokenizer may use"));
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
        if (request.SpecialTokens.Count == 0) return true;
        bool ok = true;
        // Mergeable tokens by their bytes, to find a special token whose text is already an ordinary token.
        var mergeable = new Dictionary<string, int>(vocabulary.Mergeable.Count);
        foreach (var t in vocabulary.Mergeable) mergeable[Latin1(t.Bytes)] = t.Id;
        for (int i = 0; i < request.SpecialTokens.Count; i++)
        {
            string spec = request.SpecialTokens[i];
            var at = request.SpecialTokenLocation(i);
            int eq = spec.LastIndexOf('=');
            if (eq <= 0 || !int.TryParse(spec.Substring(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                ok = Fail(at, spec, "expected \"text=id\" with non-empty text and a non-negative 32-bit id");
                continue;
            }
            string text = spec.Substring(0, eq);
            if (id > MaxTokenId)
            {
                ok = Fail(at, spec, $"id {TextDisplay.Number(id)} is above {TextDisplay.Number(MaxTokenId)}, the largest id the generated layout supports");
                continue;
            }
            int existing = vocabulary.Specials.FindIndex(s => s.Text == text);
            if (existing >= 0)
            {
                if (vocabulary.Specials[existing].Id != id) ok = Fail(at, spec, $"the vocabulary already gives it id {vocabulary.Specials[existing].Id}");
                continue;
            }
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            if (mergeable.TryGetValue(Latin1(bytes), out int ordinary))
            {
                ok = Fail(at, spec, $"its text is already vocabulary token {ordinary}");
                continue;
            }
            int other = vocabulary.Specials.FindIndex(s => s.Id == id);
            if (other >= 0)
            {
                ok = Fail(at, spec, $"id {id} is already special token '{TextDisplay.Show(vocabulary.Specials[other].Text)}'");
                continue;
            }
            if (id < vocabulary.TokenBytes.Count && vocabulary.TokenBytes[id] is not null)
            {
                ok = Fail(at, spec, $"id {id} is already a vocabulary token");
                continue;
            }
            vocabulary.Specials.Add((text, id));
            vocabulary.SetBytes(id, bytes);
        }
        return ok;

        bool Fail(LocationInfo? at, string spec, string why)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidSpecialToken, at, TextDisplay.Show(spec), why));
            return false;
        }
    }

    private static string Latin1(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        return new string(chars);
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
        if (found.NotUtf8 is { } notUtf8)
        {
            var where = new LineMap(found.Text).PointAt(Math.Min(notUtf8.Offset, found.Text.Length));
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableFile, found.At(where), found.NameAt(where), "the file is not UTF-8: " + notUtf8.Detail));
            return null;
        }
        if (found.Text.Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnreadableFile, found.AtStart(), found.Name, found.Text.Length == 0 ? "the file is empty" : "the file holds only white space"));
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
