using System.Text.Json;
using Tokenizers.Tests.HuggingFace;

namespace Tokenizers.Tests.Compilation;

/// <summary>
/// Hand-made byte-level tokenizer.json models: byte b is id b (its GPT-2 alphabet char), further tokens take ids from
/// 256 in the order given. Letters are their own alphabet chars, so tokens and merges read as plain text.
/// </summary>
internal static class SmallByteLevelModel
{
    public static string Json(string[] tokens, string[] merges, bool ignoreMerges = false, string addedTokens = "[]",
        string extraModel = "")
    {
        var vocab = new Dictionary<string, int>();
        for (int b = 0; b < 256; b++) vocab[ByteLevelAlphabet.ToChar((byte)b).ToString()] = b;
        foreach (string t in tokens) vocab[t] = 256 + vocab.Count - 256;
        return "{\"added_tokens\":" + addedTokens + ",\"normalizer\":null,"
            + "\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":false,\"use_regex\":false},"
            + "\"post_processor\":null,\"decoder\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":false,\"use_regex\":false},"
            + "\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,\"fuse_unk\":false,\"byte_fallback\":false,"
            + "\"ignore_merges\":" + (ignoreMerges ? "true" : "false") + extraModel + ","
            + "\"vocab\":" + JsonSerializer.Serialize(vocab) + ",\"merges\":" + JsonSerializer.Serialize(merges) + "}}";
    }

    public static TestBpeFile File(string[] tokens, string[] merges, bool ignoreMerges = false, string addedTokens = "[]", string extraModel = "")
        => TestBpeFile.Parse(Json(tokens, merges, ignoreMerges, addedTokens, extraModel));
}
