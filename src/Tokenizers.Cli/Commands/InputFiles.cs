using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Unicode;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// Opening and reading input files, with every failure as a one-line <see cref="CliException"/> (exit code 2):
/// a missing path, a directory, a file that cannot be read, and invalid UTF-8, which is refused with the byte offset
/// of its first bad sequence rather than silently replaced (a tokenizer would otherwise count U+FFFD tokens that are
/// not in the file).
/// </summary>
internal static class InputFiles
{
    /// <summary>Strict UTF-8 without a BOM of its own: a BOM in the file is text (U+FEFF), as tiktoken would see it.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="CliException">The path is missing or is a directory.</exception>
    public static string RequireFile(string path)
    {
        if (File.Exists(path)) return path;
        throw new CliException(Directory.Exists(path) ? $"{path} is a directory, not a file" : $"file not found: {path}");
    }

    /// <summary>Opens <paramref name="path"/> for reading, sequentially.</summary>
    /// <exception cref="CliException">It is missing, a directory, or cannot be opened.</exception>
    public static FileStream Open(string path)
    {
        RequireFile(path);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(path, e);
        }
    }

    /// <summary>The whole file as text.</summary>
    /// <exception cref="CliException">It cannot be read, or is not UTF-8 (the message gives the byte offset).</exception>
    public static string ReadAllText(string path)
    {
        byte[] bytes;
        using (FileStream stream = Open(path))
        {
            try
            {
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                bytes = memory.ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CannotRead(path, e);
            }
        }
        long invalid = FirstInvalidUtf8(bytes);
        if (invalid >= 0) throw InvalidUtf8(path, invalid);
        return StrictUtf8.GetString(bytes);
    }

    /// <summary>A reader of the file's lines, refusing invalid UTF-8 (a UTF-8 BOM at the start is skipped, as for File.ReadLines).</summary>
    public static StreamReader OpenLines(string path) => new(Open(path), StrictUtf8, detectEncodingFromByteOrderMarks: true);

    /// <summary>The one-line error for <paramref name="e"/>, an I/O or decoding failure while reading <paramref name="path"/>.</summary>
    public static CliException Describe(string path, Exception e) => e switch
    {
        InvalidUtf8Exception utf8 => InvalidUtf8(path, utf8.ByteOffset),
        DecoderFallbackException => InvalidUtf8(path, FirstInvalidUtf8(path)),
        _ => CannotRead(path, e),
    };

    public static CliException InvalidUtf8(string path, long offset) =>
        new($"{path}: invalid UTF-8 at byte {offset}; input files must be UTF-8");

    private static CliException CannotRead(string path, Exception e) => e switch
    {
        UnauthorizedAccessException => new CliException($"cannot read {path}: permission denied"),
        _ => new CliException($"cannot read {path}: {e.Message}"),
    };

    /// <summary>Offset of the first byte of the first invalid UTF-8 sequence, or -1.</summary>
    public static long FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            long offset = 0;
            while (!bytes.IsEmpty)
            {
                OperationStatus status = Utf8.ToUtf16(bytes, chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                if (status == OperationStatus.InvalidData) return offset + read;
                offset += read;
                bytes = bytes[read..];
            }
            return -1;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Reads the whole file once, in blocks, before anything is printed from it: a bad byte (or a read error) late in a
    /// large file then fails the command before its first line of output, not after.
    /// </summary>
    /// <exception cref="CliException">The file cannot be read or is not UTF-8.</exception>
    public static void Validate(string path)
    {
        long invalid;
        try
        {
            invalid = FirstInvalidUtf8(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(path, e);
        }
        if (invalid >= 0) throw InvalidUtf8(path, invalid);
    }

    /// <summary>Offset of the first invalid UTF-8 sequence of the file, read in blocks; -1 when there is none.</summary>
    private static long FirstInvalidUtf8(string path)
    {
        using FileStream stream = Open(path);
        byte[] block = new byte[1 << 16];
        char[] chars = new char[block.Length];
        long offset = 0;
        int kept = 0;
        while (true)
        {
            int n = stream.Read(block, kept, block.Length - kept);
            bool final = n == 0;
            int length = kept + n;
            OperationStatus status = Utf8.ToUtf16(block.AsSpan(0, length), chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: final);
            if (status == OperationStatus.InvalidData) return offset + read;
            if (final) return -1;
            // Keep an unfinished sequence for the next block.
            kept = length - read;
            Array.Copy(block, read, block, 0, kept);
            offset += read;
        }
    }
}
