using System.Text.Json;

namespace Tokenizers.Tests;

/// <summary>
/// Byte-level BPE files a test writes itself (synthetic, so they can be committed): GPT-2's byte alphabet as a
/// vocabulary to start from, and a tokenizer.json over a vocabulary and merges with GPT-2's ByteLevel pre-tokenizer
/// and decoder, which is also how Hugging Face runs a vocab.json + merges.txt pair.
/// </summary>
public static class SyntheticBpeJson
{
    /// <summary>GPT-2's byte alphabet, id = byte: printable Latin-1 bytes are their own char, the others U+0100 on, in byte order.</summary>
    public static Dictionary<string, int> ByteAlphabet()
    {
        var vocab = new Dictionary<string, int>();
        int shifted = 0;
        for (int b = 0; b < 256; b++)
            vocab[((char)(b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF ? b : 256 + shifted++)).ToString()] = b;
        return vocab;
    }

    /// <summary>A tokenizer.json: BPE over <paramref name="vocab"/> and <paramref name="merges"/> ("a b"), ByteLevel around it.</summary>
    public static string ByteLevel(Dictionary<string, int> vocab, IEnumerable<string> merges, string? prefix = null, string? suffix = null)
    {
        var byteLevel = new { type = "ByteLevel", add_prefix_space = false, trim_offsets = false, use_regex = true };
        return JsonSerializer.Serialize(new
        {
            added_tokens = Array.Empty<object>(),
            normalizer = (object?)null,
            pre_tokenizer = byteLevel,
            post_processor = (object?)null,
            decoder = byteLevel,
            model = new
            {
                type = "BPE", dropout = (object?)null, unk_token = (object?)null, continuing_subword_prefix = prefix, end_of_word_suffix = suffix,
                fuse_unk = false, byte_fallback = false, ignore_merges = false, vocab, merges = merges.ToArray(),
            },
        });
    }
}
