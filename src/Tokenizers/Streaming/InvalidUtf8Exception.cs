using System.IO;

namespace Tokenizers;

/// <summary>Input read as UTF-8 is not UTF-8; <see cref="ByteOffset"/> is where the first invalid sequence starts.</summary>
public sealed class InvalidUtf8Exception(long byteOffset)
    : IOException($"Invalid UTF-8 at byte {byteOffset}.")
{
    /// <summary>Offset from the start of the input of the first byte of the invalid sequence.</summary>
    public long ByteOffset { get; } = byteOffset;
}
