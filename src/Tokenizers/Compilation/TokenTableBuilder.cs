using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>
/// The id → bytes table of decoding: every id's bytes back to back, and one uint32 offset per id plus one; an unused
/// id has length 0 (Tokenizers.Bpe.BytePairModel.TokenBytes and the Hugging Face encoder read it).
/// </summary>
internal static class TokenTableBuilder
{
    public static (string Bytes, string Offsets) Build(IReadOnlyList<byte[]?> tokens)
    {
        var bytes = new List<byte>();
        var offsets = new List<uint>(tokens.Count + 1);
        foreach (var token in tokens)
        {
            offsets.Add((uint)bytes.Count);
            if (token is not null) bytes.AddRange(token);
        }
        offsets.Add((uint)bytes.Count);
        return (PackedStrings.FromBytes(bytes), PackedStrings.FromUInt32(offsets));
    }
}
