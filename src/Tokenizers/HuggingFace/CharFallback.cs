using System;

namespace Tokenizers.HuggingFace;

/// <summary>
/// What a SentencePiece-style model makes of a char that is not a token (read from the info table that
/// <see cref="Compilation.CharSymbols"/> writes): its bytes' byte-fallback ids (<see cref="ByteIds"/>, id + 1 per byte,
/// empty without byte_fallback), else <see cref="UnkId"/>, one for a run of such chars with <see cref="FuseUnk"/>.
/// </summary>
internal readonly ref struct CharFallback(int unkId, bool fuseUnk, ReadOnlySpan<uint> byteIds)
{
    /// <summary>The unk token's id, or -1.</summary>
    public int UnkId { get; } = unkId;

    public bool FuseUnk { get; } = fuseUnk;

    public ReadOnlySpan<uint> ByteIds { get; } = byteIds;
}
