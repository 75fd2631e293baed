using System;
using System.Buffers;
using System.Text.Unicode;

namespace Tokenizers.Cli.Datasets;

/// <summary>UTF-8 to chars with no replacement: a record with invalid UTF-8 is refused, with the offset of its first bad byte.</summary>
internal static class StrictUtf8
{
    /// <summary>The chars of <paramref name="bytes"/> in <paramref name="chars"/> (grown as needed), or -1 - the offset of the first invalid byte.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, ref char[] chars)
    {
        if (chars.Length < bytes.Length) chars = new char[Math.Max(bytes.Length, 2 * chars.Length)];
        OperationStatus status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false, isFinalBlock: true);
        return status == OperationStatus.Done ? written : -1 - read;
    }
}
