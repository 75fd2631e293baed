using Tokenizers.Bpe;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The guard check's other prefilter: where the guarded tokens begin with few distinct bytes, none a UTF-8
/// continuation byte (Gemma 3's: the first bytes of "▁", "\n" and "\t"), a table of those bytes. The check then walks
/// the guard trie only from the positions that hold one, one table read a byte, where the hashed windows of
/// <see cref="GuardWindows"/> cost a multiply and a read of their 8 KB set. Continuation bytes are excluded because
/// every char of other scripts would then pass.
/// </summary>
internal static class GuardFirstBytes
{
    /// <summary>The most distinct first bytes for which the table is used.</summary>
    public const int MaxCount = 4;

    /// <summary>Per byte, 1 when a guarded token begins with it; null when the table would not pay (see the class).</summary>
    public static byte[]? TryBuild(DoubleArrayTrie guard)
    {
        var first = new byte[256];
        int count = 0;
        for (int b = 0; b < 256; b++)
        {
            if (guard.Child(DoubleArrayTrie.Root, (byte)b) < 0) continue;
            if (b is >= 0x80 and < 0xC0 || ++count > MaxCount) return null;
            first[b] = 1;
        }
        return first;
    }
}
