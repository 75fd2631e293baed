using System.Text;
using Tokenizers.PreTokenization;

namespace Tokenizers.OpenAI.Tests;

/// <summary>
/// The engine encodes pieces with the linear backtracking encoder; here it is checked against tiktoken's own
/// algorithm (merge the lowest-ranked adjacent pair, leftmost first), written naively from the decoded vocabulary,
/// on long pieces and on random mixed text.
/// </summary>
public class BacktrackingEncoderTests
{
    private sealed class Reference
    {
        private readonly Dictionary<string, int> _ranks = new();
        private readonly PreTokenizer _preTokenizer;

        public Reference(ITokenizer tokenizer, PreTokenizer preTokenizer, int ordinaryIds)
        {
            _preTokenizer = preTokenizer;
            var buffer = new byte[1024];
            for (int id = 0; id < ordinaryIds; id++)
            {
                int n;
                try { n = tokenizer.DecodeToBytes(id, buffer); }
                catch (ArgumentOutOfRangeException) { continue; } // an unused id
                _ranks[Key(buffer.AsSpan(0, n))] = id;
            }
        }

        private static string Key(ReadOnlySpan<byte> bytes)
        {
            var chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }

        public List<int> Encode(string text)
        {
            var ids = new List<int>();
            for (int pos = 0; pos < text.Length;)
            {
                int len = _preTokenizer.NextPieceLength(text, pos);
                ids.AddRange(MergeByRank(Encoding.UTF8.GetBytes(text.Substring(pos, len))));
                pos += len;
            }
            return ids;
        }

        /// <summary>tiktoken's <c>byte_pair_merge</c>, quadratic as it is.</summary>
        private List<int> MergeByRank(byte[] piece)
        {
            string s = Key(piece);
            if (_ranks.TryGetValue(s, out int whole)) return [whole];
            var starts = Enumerable.Range(0, piece.Length + 1).ToList();
            while (starts.Count > 2)
            {
                int best = -1, bestRank = int.MaxValue;
                for (int i = 0; i + 2 < starts.Count; i++)
                    if (_ranks.TryGetValue(s[starts[i]..starts[i + 2]], out int r) && r < bestRank) { bestRank = r; best = i; }
                if (best < 0) break;
                starts.RemoveAt(best + 1);
            }
            var ids = new List<int>();
            for (int i = 0; i + 1 < starts.Count; i++) ids.Add(_ranks[s[starts[i]..starts[i + 1]]]);
            return ids;
        }
    }

    public static TheoryData<string> Encodings => new() { "gpt2", "cl100k_base", "o200k_base" };

    private static Reference For(string encoding, ITokenizer tokenizer) => encoding switch
    {
        "gpt2" => new Reference(tokenizer, Gpt2PreTokenizer.Instance, 50256),
        "cl100k_base" => new Reference(tokenizer, Cl100kPreTokenizer.Instance, 100256),
        _ => new Reference(tokenizer, O200kPreTokenizer.Instance, 199998),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void LongPiecesMatchMergingByRank(string encoding)
    {
        var tokenizer = OpenAIEncodings.Get(encoding);
        var reference = For(encoding, tokenizer);
        var rng = new Random(17);
        string[] alphabets = ["ab", "abc", "abcdefghijklmnopqrstuvwxyz", "etaoinshr", "aeiou"];
        for (int round = 0; round < 60; round++)
        {
            string alphabet = alphabets[round % alphabets.Length];
            int length = rng.Next(1, round < 50 ? 300 : 3000);
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) sb.Append(alphabet[rng.Next(alphabet.Length)]);
            string text = sb.ToString();
            Assert.Equal(reference.Encode(text), tokenizer.EncodeToIds(text));
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void RandomMixedTextMatchesMergingByRank(string encoding)
    {
        var tokenizer = OpenAIEncodings.Get(encoding);
        var reference = For(encoding, tokenizer);
        var rng = new Random(23);
        string[] pool =
        [
            "a", "e", "t", "th", "ing", " ", "  ", "\n", "\t", "0", "42", ".", ",", "'s", "'", "-", "=", "{", "}", "/", "_",
            "é", "ß", "ü", "ж", "ы", "λ", "中", "文", "日本", "한", "ا", "ह", "\u0301", "😀", "👍🏽", "\uD800", "\uDC00", "\u00A0",
            "Th", "HTML", "camelCase", "x", "z", "q", "ww", "!!", "...", "<|endoftext|>",
        ];
        for (int round = 0; round < 300; round++)
        {
            int parts = rng.Next(1, 80);
            var sb = new StringBuilder();
            for (int i = 0; i < parts; i++) sb.Append(pool[rng.Next(pool.Length)]);
            string text = sb.ToString();
            Assert.Equal(reference.Encode(text), tokenizer.EncodeToIds(text));
        }
    }
}
