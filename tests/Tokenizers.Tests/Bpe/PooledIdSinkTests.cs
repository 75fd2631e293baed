using System.Buffers;
using System.Text;
using Tokenizers.Bpe;
using Tokenizers.Tests.HuggingFace;

namespace Tokenizers.Tests.Bpe;

/// <summary>EncodeToIds's sink: every id in order past its first guess, an array of exactly their count.</summary>
public class PooledIdSinkTests
{
    [Fact]
    public void Ids_past_the_guessed_capacity_come_back_whole_and_in_order()
    {
        var sink = new PooledIdSink(capacity: 4);
        var expected = new List<int>();
        try
        {
            for (int i = 0; i < 1_000; i++)
            {
                if (i % 3 == 0)
                {
                    Assert.True(sink.TryAdd(i));
                    expected.Add(i);
                }
                else
                {
                    int[] piece = [i, -i, i * 7];
                    Assert.True(sink.TryAdd(piece));
                    expected.AddRange(piece);
                }
            }
            int[] ids = sink.ToArray();
            Assert.Equal(expected, ids);
        }
        finally
        {
            sink.Dispose();
        }
    }

    [Fact]
    public void No_ids_make_an_empty_array()
    {
        var sink = new PooledIdSink(capacity: 100);
        Assert.Empty(sink.ToArray());
        sink.Dispose();
        sink.Dispose(); // a second dispose returns nothing twice
    }

    /// <summary>
    /// Text of emoji and CJK has more ids than chars / 3, the sink's first guess; the list equals what the
    /// caller-buffer overload writes.
    /// </summary>
    [Fact]
    public void EncodeToIds_past_its_first_guess_equals_the_buffer_overload()
    {
        var tokenizer = HfTestModels.Load("qwen3");
        var text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) text.Append(char.ConvertFromUtf32(0x1F600 + i % 80)).Append((char)(0x4E00 + i * 7 % 20_000));
        string s = text.ToString();
        IReadOnlyList<int> ids = tokenizer.EncodeToIds(s, SpecialTokenPolicy.All);
        var buffer = new int[s.Length * 3];
        Assert.Equal(OperationStatus.Done, tokenizer.EncodeToIds(s, buffer, out int consumed, out int written, SpecialTokenPolicy.All));
        Assert.Equal(s.Length, consumed);
        Assert.True(ids.Count > s.Length / 3, $"{ids.Count} ids for {s.Length} chars");
        Assert.Equal(buffer[..written], ids);
    }
}
