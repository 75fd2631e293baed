using System;
using System.Collections.Generic;
using System.IO;
using Tokenizers.Compilation;

namespace Tokenizers.Cli.Conversion;

/// <summary>
/// Reads vocab.json + merges.txt back into ranks with the generator's own parser (<see cref="HuggingFaceBpeParser"/>),
/// so what convert verifies is what <c>[GeneratedTokenizer]</c> and <see cref="TokenizerFile"/> will see: the single
/// bytes and merge results with the ranks the encoder merges by (their ids when ids follow merge order, as tiktoken's
/// ranks do), and the entries no merge builds as special tokens.
/// </summary>
public static class HuggingFaceReader
{
    public static RankFile ReadFolder(string folder) =>
        Read(File.ReadAllText(Path.Combine(folder, "vocab.json")), File.ReadAllText(Path.Combine(folder, "merges.txt")));

    /// <exception cref="InvalidDataException">The generator's first error, e.g. <c>merges.txt(3,1): …</c>.</exception>
    public static RankFile Read(string vocabJson, string mergesText)
    {
        var vocabErrors = new List<CompileError>();
        var mergesErrors = new List<CompileError>();
        BpeVocabulary? vocabulary = HuggingFaceBpeParser.Parse(vocabJson, mergesText, vocabErrors, mergesErrors);
        if (vocabErrors.Count > 0) throw new InvalidDataException(vocabErrors[0].Format("vocab.json"));
        if (mergesErrors.Count > 0) throw new InvalidDataException(mergesErrors[0].Format("merges.txt"));
        var ranks = new Dictionary<string, int>(vocabulary!.Mergeable.Count, StringComparer.Ordinal);
        foreach (var (bytes, rank, _) in vocabulary.Mergeable) ranks.Add(ByteLevelAlphabet.Encode(bytes), rank);
        var specials = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, id) in vocabulary.Specials) specials.Add(text, id);
        return new RankFile(ranks, specials);
    }
}
