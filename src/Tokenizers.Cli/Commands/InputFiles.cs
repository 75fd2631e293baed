using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Unicode;
using Tokenizers.Streaming;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// Opening and reading input files, with every failure as a one-line <see cref="CliException"/> (exit code 2):
/// a missing path, a directory, a file that cannot be read, and invalid UTF-8, which is refused with the byte offset
/// of its first bad sequence rather than silently replaced (a tokenizer would otherwise count U+FFFD tokens that are
/// not in the file). <c>-</c> is standard input. Each input is read once, unless it is seekable.
/// </summary>
internal static class InputFiles
{
    /// <summary>The path that names standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>What <c>--help</c> says about every input file.</summary>
    public const string HelpNote = "'-' reads stdin; a UTF-8 byte-order mark at the start is dropped; invalid UTF-8 is refused with its byte offset, exit code 2";

    /// <summary>Strict UTF-8 without a BOM of its own.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="CliException">The path is missing or is a directory.</exception>
    public static string RequireFile(string path)
    {
        if (File.Exists(path)) return path;
        throw new CliException(Directory.Exists(path) ? $"{path} is a directory, not a file" : $"file not found: {path}");
    }

    /// <summary>Opens <paramref name="path"/> (standard input for <c>-</c>) for reading, sequentially, past a UTF-8 BOM.</summary>
    /// <exception cref="CliException">It is missing, a directory, or cannot be opened or read.</exception>
    public static InputStream Open(string path)
    {
        Stream stream;
        if (path == StandardInput)
        {
            stream = Console.OpenStandardInput();
        }
        else
        {
            RequireFile(path);
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CannotRead(path, e);
            }
        }
        string name = path == StandardInput ? "stdin" : path;
        try
        {
            return InputStream.Open(name, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream.Dispose();
            throw CannotRead(name, e);
        }
    }

    /// <summary>The whole file as text, read once.</summary>
    /// <exception cref="CliException">It cannot be read, or is not UTF-8 (the message gives the byte offset).</exception>
    public static string ReadAllText(string path)
    {
        using InputStream input = Open(path);
        return ReadAllText(input);
    }

    /// <summary>The rest of <paramref name="input"/> as text.</summary>
    /// <exception cref="CliException">It cannot be read, or is not UTF-8 (the message gives the byte offset).</exception>
    public static string ReadAllText(InputStream input)
    {
        byte[] bytes;
        try
        {
            using var memory = new MemoryStream();
            input.Stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(input.Name, e);
        }
        long invalid = FirstInvalidUtf8(bytes);
        if (invalid >= 0) throw InvalidUtf8(input.Name, input.BomLength + invalid);
        return StrictUtf8.GetString(bytes);
    }

    /// <summary>The one-line error for <paramref name="e"/>, an I/O or decoding failure while reading <paramref name="input"/>.</summary>
    public static CliException Describe(InputStream input, Exception e) => e switch
    {
        InvalidUtf8Exception utf8 => InvalidUtf8(input.Name, input.BomLength + utf8.ByteOffset),
        _ => CannotRead(input.Name, e),
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
    /// Reads a seekable input whole, in blocks, before anything is printed from it, then rewinds it: a bad byte (or a
    /// read error) late in a large file then fails the command before its first line of output, not after. An input
    /// that cannot seek (a pipe) is left alone, to be checked as it streams.
    /// </summary>
    /// <exception cref="CliException">The file cannot be read or is not UTF-8.</exception>
    public static void ValidateIfSeekable(InputStream input)
    {
        if (!input.CanSeek) return;
        long invalid;
        try
        {
            invalid = FirstInvalidUtf8(input.Stream);
            input.Rewind();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(input.Name, e);
        }
        if (invalid >= 0) throw InvalidUtf8(input.Name, input.BomLength + invalid);
    }

    /// <summary>Offset of the first invalid UTF-8 sequence of the rest of the stream, read in blocks; -1 when there is none.</summary>
    private static long FirstInvalidUtf8(Stream stream)
    {
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
