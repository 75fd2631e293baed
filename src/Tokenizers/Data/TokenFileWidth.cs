namespace Tokenizers.Data;

/// <summary>The width of one token in a token file; the value is the number of bytes per token.</summary>
public enum TokenFileWidth
{
    /// <summary>Little-endian unsigned 16-bit ids: vocabularies of at most 65,536 ids (nanoGPT's <c>.bin</c> files).</summary>
    UInt16 = 2,

    /// <summary>Little-endian unsigned 32-bit ids: larger vocabularies.</summary>
    UInt32 = 4,
}
