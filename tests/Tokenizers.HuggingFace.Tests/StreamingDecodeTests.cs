using System.Text;
using Tokenizers.Tests;

namespace Tokenizers.HuggingFace.Tests;

/// <summary>
/// Issue 10 §2: <see cref="StreamingDecoder"/> on the SentencePiece-style models, generated and loaded. Fed one id at a
/// time, it returns only whole characters (the UTF-8 of byte-fallback tokens is held until the char is complete), what
/// it has returned is always a prefix of <see cref="ITokenizer.Decode"/>, and with <see cref="StreamingDecoder.Flush"/>
/// it is all of it.
/// </summary>
public class StreamingDecodeTests
{
    public static TheoryData<string, TokenizerSource> Cases()
    {
        var data = new TheoryData<string, TokenizerSource>();
        foreach (string model in HuggingFaceModels.SentencePiece)
            foreach (TokenizerSource source in Enum.GetValues<TokenizerSource>())
                data.Add(model, source);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryVectorStreamsInWholeCharsToItsDecode(string model, TokenizerSource source)
    {
        ITokenizer tokenizer = ModelTokenizers.Get(model, source);
        var failures = new List<string>();
        foreach (HuggingFaceVector v in HuggingFaceVectors.For(model))
        {
            foreach (int[] ids in new[] { v.Ids, v.IdsWithSpecial })
            {
                string? problem = StreamProblem(tokenizer, ids);
                if (problem is not null) failures.Add($"{v.Name}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(12)));
    }

    /// <summary>
    /// An emoji outside the vocabulary is four <c>&lt;0xNN&gt;</c> tokens. Hugging Face's ByteFallback decodes a whole
    /// run of byte tokens at once, as U+FFFD for each byte if the run is not valid UTF-8 (🦙 followed by a lone 0xF0 is
    /// five U+FFFD), so no byte of a run can come out before the run ends: the eight byte tokens of 🦙🫨 return nothing
    /// and hold bytes, and the next token returns both emoji whole with its own text.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void ByteFallbackEmojiComeOutWholeWhenTheirRunEnds(string model, TokenizerSource source)
    {
        ITokenizer tokenizer = ModelTokenizers.Get(model, source);
        IReadOnlyList<int> ids = tokenizer.EncodeToIds("Llama 🦙🫨 x");
        Assert.True(ids.Count > 9, string.Join(", ", ids));
        int run = ids.Count - 9;
        // Each of the eight is a lone byte: invalid UTF-8 when decoded alone.
        Assert.All(ids.Skip(run).Take(8), id => Assert.Equal("\uFFFD", tokenizer.Decode([id])));
        var decoder = new StreamingDecoder(tokenizer);
        string before = string.Concat(ids.Take(run).Select(decoder.Append));
        for (int i = run; i < run + 8; i++)
        {
            Assert.Equal("", decoder.Append(ids[i]));
            Assert.True(decoder.HasPendingBytes);
        }
        string last = decoder.Append(ids[^1]);
        Assert.StartsWith("🦙🫨", last, StringComparison.Ordinal);
        Assert.Equal("Llama 🦙🫨 x", before + last + decoder.Flush());
        Assert.Equal(tokenizer.Decode(ids), before + last);
    }

    /// <summary>A run of byte tokens that is not valid UTF-8 (🦙's four bytes and a lone 0xF0): each byte is U+FFFD.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void AnInvalidByteRunStreamsAsHuggingFaceDecodesIt(string model, TokenizerSource source)
    {
        ITokenizer tokenizer = ModelTokenizers.Get(model, source);
        IReadOnlyList<int> ids = tokenizer.EncodeToIds("Llama 🦙🫨 x");
        int[] broken = [.. ids.Take(ids.Count - 4), ids[^1]]; // 🫨 cut after its first byte
        var decoder = new StreamingDecoder(tokenizer);
        string streamed = string.Concat(broken.Select(decoder.Append)) + decoder.Flush();
        Assert.Equal("Llama \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD x", streamed); // Hugging Face's decode of these ids
        Assert.Equal(tokenizer.Decode(broken), streamed);
    }

    /// <summary>A byte-fallback char cut off by the end of the ids: held, then U+FFFD on Flush, as Decode gives it.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void AnUnfinishedCharIsHeldUntilFlush(string model, TokenizerSource source)
    {
        ITokenizer tokenizer = ModelTokenizers.Get(model, source);
        IReadOnlyList<int> ids = tokenizer.EncodeToIds("Llama 🦙");
        int[] cut = ids.Take(ids.Count - 1).ToArray();
        var decoder = new StreamingDecoder(tokenizer);
        string streamed = string.Concat(cut.Select(decoder.Append));
        Assert.True(decoder.HasPendingBytes);
        streamed += decoder.Flush();
        Assert.Equal("Llama \uFFFD\uFFFD\uFFFD", streamed);
        Assert.Equal(tokenizer.Decode(cut), streamed);
        Assert.False(decoder.HasPendingBytes);
    }

    /// <summary>What is wrong with streaming <paramref name="ids"/>, or null.</summary>
    private static string? StreamProblem(ITokenizer tokenizer, int[] ids)
    {
        string whole = tokenizer.Decode(ids);
        var decoder = new StreamingDecoder(tokenizer);
        var sb = new StringBuilder();
        for (int i = 0; i < ids.Length; i++)
        {
            string piece = decoder.Append(ids[i]);
            if (!IsWellFormed(piece)) return $"id {i} ({ids[i]}) returned half a char";
            sb.Append(piece);
            if (!whole.StartsWith(sb.ToString(), StringComparison.Ordinal)) return $"after id {i} ({ids[i]}) the text is not a prefix of Decode";
        }
        sb.Append(decoder.Flush());
        return sb.ToString() == whole ? null : $"the pieces and Flush give {sb.Length} chars, Decode {whole.Length}";
    }

    private static bool IsWellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }
}
