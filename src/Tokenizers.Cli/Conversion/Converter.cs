using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Tokenizers.Training.Bpe;

namespace Tokenizers.Cli.Conversion;

/// <summary>The files a conversion produces, already verified.</summary>
public sealed record ConversionResult(string VocabJson, string MergesText, int VocabularyCount, int MergeCount);

/// <summary>The written files would not reproduce the rank file: a bug in the converter, never in the input.</summary>
public sealed class ConversionVerificationException(string message) : Exception(message);

/// <summary>Rank file → vocab.json + merges.txt, checked by reading the produced text back.</summary>
public static class Converter
{
    /// <exception cref="InvalidDataException">The ranks cannot form a byte-level BPE.</exception>
    /// <exception cref="ConversionVerificationException">The output does not reproduce the input.</exception>
    public static ConversionResult Convert(RankFile input)
    {
        // Byte-level BPE starts from single bytes; without all 256 some text could not be encoded.
        string[] missing = ByteLevelAlphabet.Chars.Select(c => c.ToString()).Where(c => !input.Ranks.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{missing.Length} of the 256 single bytes have no rank, e.g. {ByteLevelText.Describe(missing[0])}");
        }
        IReadOnlyList<Merge> merges = MergesDeriver.Derive(input.Ranks);
        string vocab = FormatVocab(input);
        string mergesText = HuggingFaceBpeWriter.FormatMerges(merges.Select(m => (m.Left, m.Right)));
        Verify(vocab, mergesText, input);
        return new ConversionResult(vocab, mergesText, input.Ranks.Count + input.SpecialTokens.Count, merges.Count);
    }

    /// <summary>vocab.json for the ranks and the special tokens, in id order.</summary>
    /// <exception cref="InvalidDataException">A special token collides with a token or an id.</exception>
    public static string FormatVocab(RankFile ranks)
    {
        var entries = ranks.Ranks.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (KeyValuePair<string, int> special in ranks.SpecialTokens)
        {
            if (!entries.TryAdd(special.Key, special.Value))
            {
                throw new InvalidDataException($"special token '{special.Key}' is also a mergeable token");
            }
        }
        return HuggingFaceBpeWriter.FormatVocab(entries.Select(e => (e.Key, e.Value)));
    }

    /// <summary>Parses the files as the generator and the loader do, and compares the ranks they see with <paramref name="expected"/>.</summary>
    public static void Verify(string vocabJson, string mergesText, RankFile expected)
    {
        RankFile rebuilt;
        try
        {
            rebuilt = HuggingFaceReader.Read(vocabJson, mergesText);
        }
        catch (InvalidDataException e)
        {
            throw new ConversionVerificationException($"verification failed: {e.Message}");
        }
        string? difference = FirstDifference(expected, rebuilt);
        if (difference is not null)
        {
            throw new ConversionVerificationException($"verification failed: {difference}");
        }
    }

    /// <summary>The first way <paramref name="actual"/> differs from <paramref name="expected"/>, or null.</summary>
    public static string? FirstDifference(RankFile expected, RankFile actual)
    {
        foreach (KeyValuePair<string, int> token in expected.Ranks.OrderBy(t => t.Value))
        {
            if (!actual.Ranks.TryGetValue(token.Key, out int rank) || rank != token.Value)
            {
                return $"token {ByteLevelText.Describe(token.Key)} has rank {token.Value} but comes back as {(actual.Ranks.ContainsKey(token.Key) ? rank.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing")}";
            }
        }
        if (actual.Ranks.Count != expected.Ranks.Count)
        {
            return $"{actual.Ranks.Count} tokens come back instead of {expected.Ranks.Count}";
        }
        bool sameSpecials = actual.SpecialTokens.Count == expected.SpecialTokens.Count &&
            expected.SpecialTokens.All(s => actual.SpecialTokens.TryGetValue(s.Key, out int id) && id == s.Value);
        return sameSpecials ? null : "the special tokens differ";
    }
}
