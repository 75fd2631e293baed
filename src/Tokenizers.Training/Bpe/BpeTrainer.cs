using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Tokenizers.PreTokenization;

namespace Tokenizers.Training.Bpe;

/// <summary>
/// Learns byte-level BPE merges. Pair counts are kept up to date as merges happen (each merge touches only the
/// places where its pair occurs), and the next pair comes from a priority queue, so the text is never recounted.
/// </summary>
public static class BpeTrainer
{
    private const int ProgressEvery = 256;

    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    public static TrainedBpe Train(IEnumerable<string> texts, BpeTrainingOptions options, CancellationToken cancellationToken = default)
    {
        Validate(options);
        var tokens = new List<byte[]>(Math.Max(256, options.VocabularySize));
        var idOfBytes = new Dictionary<string, int>();  // Latin-1 view of a token's bytes → id
        Span<int> tokenOfByte = stackalloc int[256];
        for (int id = 0; id < 256; id++)
        {
            byte b = options.SeedCompatible ? (byte)id : ByteLevelAlphabet.ByteOrder[id];
            tokenOfByte[b] = id;
            tokens.Add([b]);
            idOfBytes.Add(((char)b).ToString(), id);
        }

        SymbolSequence text = options.SeedCompatible ? RawBytes(texts, tokenOfByte) : PreTokenized(texts, options, tokenOfByte);
        cancellationToken.ThrowIfCancellationRequested();
        var pairs = new PairIndex(text);
        var merges = new List<BpeMerge>();
        string stopReason = "reached the vocabulary size";
        while (merges.Count < options.MergeTarget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!pairs.TryPeekBest(out int slot, out long count))
            {
                stopReason = "no pairs left to merge";
                break;
            }
            if (count < options.MinFrequency)
            {
                stopReason = $"the most frequent pair occurs {count} times, under the minimum frequency {options.MinFrequency}";
                break;
            }
            var (left, right) = pairs.PairOf(slot);
            int result = TokenFor(left, right, tokens, idOfBytes);
            Merge(text, pairs, slot, left, right, result);
            merges.Add(new BpeMerge(left, right, result, count));
            if (merges.Count % ProgressEvery == 0) options.Progress?.Report(new BpeTrainingProgress(merges.Count, options.MergeTarget, count, false));
        }
        options.Progress?.Report(new BpeTrainingProgress(merges.Count, options.MergeTarget, merges.Count > 0 ? merges[^1].Count : 0, true));
        return new TrainedBpe(tokens, merges, [.. options.SpecialTokens], stopReason);
    }

    /// <summary>
    /// The id of left + right: a new one, or the existing id when another merge already spelled the same bytes
    /// (the notebook's dict, keyed by bytes, treats both as one token too).
    /// </summary>
    private static int TokenFor(int left, int right, List<byte[]> tokens, Dictionary<string, int> idOfBytes)
    {
        byte[] bytes = [.. tokens[left], .. tokens[right]];
        string key = Encoding.Latin1.GetString(bytes);
        if (idOfBytes.TryGetValue(key, out int existing)) return existing;
        tokens.Add(bytes);
        idOfBytes.Add(key, tokens.Count - 1);
        return tokens.Count - 1;
    }

    /// <summary>Merges every occurrence of (left, right), left to right as the notebook's loop does, updating the neighbours' counts.</summary>
    private static void Merge(SymbolSequence text, PairIndex pairs, int slot, int left, int right, int result)
    {
        int[] token = text.Token, next = text.Next, prev = text.Prev;
        foreach (int i in pairs.SortedOccurrences(slot))
        {
            int j = next[i];
            if (token[i] != left || j < 0 || token[j] != right) continue;  // an overlapping occurrence ("aaa") already merged
            int w = text.Weight[i], h = prev[i], k = next[j];
            if (h >= 0) pairs.Remove(token[h], left, w);
            if (k >= 0) pairs.Remove(right, token[k], w);
            token[i] = result;
            token[j] = -1;
            next[i] = k;
            if (k >= 0) prev[k] = i;
            if (h >= 0) pairs.Add(token[h], result, h, w);
            if (k >= 0) pairs.Add(result, token[k], i, w);
        }
        pairs.Retire(slot);
        pairs.Publish();
    }

    /// <summary>The notebook's view: every text is one run of bytes, each occurring once.</summary>
    private static SymbolSequence RawBytes(IEnumerable<string> texts, ReadOnlySpan<int> tokenOfByte)
    {
        var text = new SymbolSequence(1 << 16);
        foreach (string t in texts) text.AddWord(Encoding.UTF8.GetBytes(t), tokenOfByte, 1);
        return text;
    }

    /// <summary>Distinct pre-tokenized pieces with their counts, special-token text cut out, in the order they first occur.</summary>
    private static SymbolSequence PreTokenized(IEnumerable<string> texts, BpeTrainingOptions options, ReadOnlySpan<int> tokenOfByte)
    {
        PreTokenizer preTokenizer = PreTokenizer.FromName(options.PreTokenizer)!;
        var words = new WordCounter();
        byte[] buffer = new byte[1024];
        foreach (string t in texts)
        {
            int[] nextAt = new int[options.SpecialTokens.Count];
            Array.Fill(nextAt, -1);
            int from = 0;
            while (from < t.Length)
            {
                int end = NextSpecial(t, from, options.SpecialTokens, nextAt, out int specialLength);
                ReadOnlySpan<char> segment = t.AsSpan(from, end - from);
                for (int pos = 0; pos < segment.Length;)
                {
                    int length = preTokenizer.NextPieceLength(segment, pos);
                    ReadOnlySpan<char> piece = segment.Slice(pos, length);
                    int max = Encoding.UTF8.GetMaxByteCount(piece.Length);
                    if (max > buffer.Length) buffer = new byte[Math.Max(max, buffer.Length * 2)];
                    words.Add(buffer.AsSpan(0, Encoding.UTF8.GetBytes(piece, buffer)));
                    pos += length;
                }
                from = end + specialLength;
            }
        }
        var text = new SymbolSequence((int)Math.Min(int.MaxValue, words.DistinctBytes));
        for (int w = 0; w < words.Count; w++) text.AddWord(words.Word(w), tokenOfByte, words.Frequency(w));
        return text;
    }

    /// <summary>
    /// Where the next special token starts (the text's end if none), and its length. <paramref name="nextAt"/> caches
    /// each token's next occurrence, so a rare token is not searched for again at every common one.
    /// </summary>
    private static int NextSpecial(string text, int from, IReadOnlyList<string> specials, int[] nextAt, out int length)
    {
        int best = text.Length;
        length = 0;
        for (int s = 0; s < specials.Count; s++)
        {
            if (nextAt[s] < from) nextAt[s] = text.IndexOf(specials[s], from, StringComparison.Ordinal) is int at and >= 0 ? at : int.MaxValue;
            if (nextAt[s] < best || (nextAt[s] == best && specials[s].Length > length))
            {
                best = nextAt[s];
                length = specials[s].Length;
            }
        }
        return best;
    }

    private static void Validate(BpeTrainingOptions options)
    {
        if (options.MergeTarget < 0)
            throw new ArgumentException($"the vocabulary size {options.VocabularySize} leaves no room for the 256 bytes and {options.SpecialTokens.Count} special tokens");
        if (options.MinFrequency < 0) throw new ArgumentException("the minimum frequency cannot be negative");
        if (!options.SeedCompatible && PreTokenizer.FromName(options.PreTokenizer) is null)
            throw new ArgumentException($"unknown pre-tokenizer '{options.PreTokenizer}'; use gpt2, cl100k, o200k or none");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string special in options.SpecialTokens)
        {
            if (special.Length == 0) throw new ArgumentException("a special token cannot be empty");
            if (!seen.Add(special)) throw new ArgumentException($"special token '{special}' is given twice");
        }
    }
}
