using System.Text;
using Tokenizers.OpenAI;

namespace Tokenizers.Fuzz.Tests.Runtime;

/// <summary>The streaming decoder: text as soon as it is complete, never half a character, and in total what Decode gives.</summary>
public class StreamingDecoderTests
{
    public static TheoryData<string> Encodings => new(OpenAIEncodings.Names);

    private static bool IsWellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    /// <summary>An emoji that gpt2 splits into byte tokens: nothing comes out until its last byte, then all of it.</summary>
    [Fact]
    public void EmojiSplitAcrossTokensComesOutWhole()
    {
        ITokenizer gpt2 = OpenAIEncodings.Get("gpt2");
        IReadOnlyList<int> ids = gpt2.EncodeToIds("🤖");
        Assert.True(ids.Count > 1, "gpt2 splits 🤖 into byte tokens");
        var decoder = new StreamingDecoder(gpt2);
        for (int i = 0; i < ids.Count - 1; i++)
        {
            Assert.Equal("", decoder.Append(ids[i]));
            Assert.True(decoder.HasPendingBytes);
        }
        Assert.Equal("🤖", decoder.Append(ids[^1]));
        Assert.False(decoder.HasPendingBytes);
        Assert.Equal("", decoder.Flush());
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void CjkAndEmojiTextStreamsInWholeCharacters(string encoding)
    {
        ITokenizer tokenizer = OpenAIEncodings.Get(encoding);
        const string text = "東京タワーは高い。𠀀𠀁 👩‍👩‍👧 🇯🇵 ñ e\u0301 Ꙭ 𝐀𝑎 😀😂🥲 done";
        IReadOnlyList<int> ids = tokenizer.EncodeToIds(text);
        var decoder = new StreamingDecoder(tokenizer);
        var sb = new StringBuilder();
        int heldBack = 0;
        foreach (int id in ids)
        {
            string piece = decoder.Append(id);
            Assert.True(IsWellFormed(piece));
            // Whatever has come out so far is a prefix of the text, ending on a whole character.
            sb.Append(piece);
            Assert.StartsWith(sb.ToString(), text, StringComparison.Ordinal);
            if (piece.Length == 0) heldBack++;
        }
        sb.Append(decoder.Flush());
        Assert.Equal(text, sb.ToString());
        if (encoding is "gpt2" or "r50k_base" or "p50k_base") Assert.True(heldBack > 0, "some characters were split across tokens");
    }

    /// <summary>Random ids, byte tokens included, so invalid UTF-8 occurs: the pieces add up to Decode's text.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void RandomIdsAddUpToDecode(string encoding)
    {
        ITokenizer tokenizer = OpenAIEncodings.Get(encoding);
        var random = new Random(encoding.Length * 7919);
        // Every id with bytes: the single-byte ones (which make invalid UTF-8 in random order) and all the others.
        var valid = new List<int>();
        var singleBytes = new List<int>();
        Span<byte> scratch = stackalloc byte[256];
        for (int id = 0; id < tokenizer.VocabularySize; id++)
        {
            int length;
            try
            {
                length = tokenizer.DecodeToBytes(id, scratch);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue;
            }
            (length == 1 ? singleBytes : valid).Add(id);
        }
        Assert.Equal(256, singleBytes.Count);
        for (int round = 0; round < 300; round++)
        {
            int[] ids = Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => random.Next(3) == 0 ? valid[random.Next(valid.Count)] : singleBytes[random.Next(256)]).ToArray();
            var decoder = new StreamingDecoder(tokenizer);
            var sb = new StringBuilder();
            foreach (int id in ids)
            {
                string piece = decoder.Append(id);
                Assert.True(IsWellFormed(piece));
                sb.Append(piece);
            }
            sb.Append(decoder.Flush());
            Assert.Equal(tokenizer.Decode(ids), sb.ToString());
            Assert.Equal(tokenizer.Decode(ids), string.Concat(StreamingDecoder.Decode(tokenizer, ids)));
        }
    }

    [Fact]
    public void UnfinishedCharacterFlushesAsReplacementCharacter()
    {
        ITokenizer gpt2 = OpenAIEncodings.Get("gpt2");
        IReadOnlyList<int> ids = gpt2.EncodeToIds("🤖");
        var decoder = new StreamingDecoder(gpt2);
        Assert.Equal("", decoder.Append(ids[0]));
        Assert.Equal("\uFFFD", decoder.Flush());
        Assert.Equal("\uFFFD", gpt2.Decode([ids[0]]));
        // A new sequence starts clean.
        Assert.Equal("hi", string.Concat(gpt2.EncodeToIds("hi").Select(decoder.Append)));
    }

    [Fact]
    public void UnfinishedCharacterFollowedByOtherTextIsReplacedAtOnce()
    {
        ITokenizer gpt2 = OpenAIEncodings.Get("gpt2");
        int firstByte = gpt2.EncodeToIds("🤖")[0];
        var decoder = new StreamingDecoder(gpt2);
        Assert.Equal("", decoder.Append(firstByte));
        Assert.Equal("\uFFFDok", decoder.Append(gpt2.EncodeToIds("ok").Single()));
        Assert.Equal("\uFFFDok", gpt2.Decode([firstByte, gpt2.EncodeToIds("ok").Single()]));
    }

    [Fact]
    public void UnknownIdThrowsAndLeavesTheStateAlone()
    {
        ITokenizer gpt2 = OpenAIEncodings.Get("gpt2");
        IReadOnlyList<int> ids = gpt2.EncodeToIds("🤖");
        var decoder = new StreamingDecoder(gpt2);
        decoder.Append(ids[0]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Append(50_300));
        Assert.Contains("50300", e.Message);
        string rest = string.Concat(ids.Skip(1).Select(decoder.Append));
        Assert.Equal("🤖", rest);
    }
}
