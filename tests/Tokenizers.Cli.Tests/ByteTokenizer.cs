using System.Buffers;
using System.Text;

namespace Tokenizers.Cli.Tests;

/// <summary>A stand-in tokenizer for CLI plumbing: one id per UTF-8 byte, and <c>&lt;|endoftext|&gt;</c> = 256 when allowed.</summary>
internal sealed class ByteTokenizer : ITokenizer
{
    private const string EndOfText = "<|endoftext|>";

    public int VocabularySize => 257;

    public IReadOnlyList<int> EncodeToIds(string text) => EncodeToIds(text, SpecialTokenPolicy.None);

    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens)
    {
        var ids = new List<int>();
        string[] pieces = specialTokens.IsAllowed(EndOfText) ? text.Split(EndOfText) : [text];
        for (int i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                ids.Add(256);
            }
            ids.AddRange(Encoding.UTF8.GetBytes(pieces[i]).Select(b => (int)b));
        }
        return ids;
    }

    public OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten,
        SpecialTokenPolicy? specialTokens = null) => throw new NotSupportedException();

    public int CountTokens(string text) => EncodeToIds(text).Count;

    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy? specialTokens = null) =>
        EncodeToIds(text.ToString(), specialTokens ?? SpecialTokenPolicy.None).Count;

    public string Decode(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        foreach (int id in ids)
        {
            bytes.AddRange(id == 256 ? Encoding.UTF8.GetBytes(EndOfText) : [checked((byte)id)]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public int DecodeToBytes(int id, Span<byte> destination) => throw new NotSupportedException();
}
