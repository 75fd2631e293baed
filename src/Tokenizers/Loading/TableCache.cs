using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using Tokenizers.Compilation;

namespace Tokenizers.Loading;

/// <summary>
/// Compiled tables kept on disk between processes (<see cref="TokenizerFileOptions.CacheDirectory"/>), one file an
/// entry named by its <see cref="TableCacheKey"/>, so a later load reads back what the compile produced instead of
/// compiling the file again. The layout, all integers little-endian: "TOKTABLE", <see cref="LayoutVersion"/> (int32),
/// the key (32 bytes), the number of tables (int32), each table's name and data, the spec, and SHA-256 of all that. A
/// string is its length in chars (int32) and its chars, two bytes each, as the packed tables hold them.
/// <para>
/// A cache never fails a load: an entry that is missing, truncated, corrupt, of another version or key reads as
/// missing (and the compile's entry replaces it), and a directory that cannot be written keeps nothing. An entry is
/// written to a temporary file and renamed into place, so concurrent loads never read half an entry: the last
/// writer's whole file wins.
/// </para>
/// </summary>
internal static class TableCache
{
    /// <summary>Raise when the layout, or what a kind of file stores in it, changes.</summary>
    public const int LayoutVersion = 3;

    private const int MaxTables = 4096;

    private static ReadOnlySpan<byte> Magic => "TOKTABLE"u8;

    /// <summary>
    /// The tables and spec of the files at <paramref name="paths"/>: read back from <see cref="TokenizerFileOptions.CacheDirectory"/>
    /// when it holds them for these bytes and options, else <paramref name="compile"/>d from the bytes (and kept there).
    /// </summary>
    public static (IReadOnlyList<NamedTable> Tables, string Spec) ReadOrCompile(string kind, TokenizerFileOptions options, string[] paths,
        Func<byte[][], (IReadOnlyList<NamedTable> Tables, string Spec)> compile)
    {
        // The bytes that are hashed are the bytes compiled, so an entry never holds another version of the file.
        var inputs = new byte[paths.Length][];
        for (int i = 0; i < paths.Length; i++) inputs[i] = File.ReadAllBytes(paths[i]);
        if (options.CacheDirectory is not { Length: > 0 } directory) return compile(inputs);
        byte[] key = TableCacheKey.Of(kind, options, inputs);
        if (TryRead(directory, key) is var (tables, spec)) return (tables, spec);
        var compiled = compile(inputs);
        TryWrite(directory, key, compiled.Tables, compiled.Spec);
        return compiled;
    }

    /// <summary>The entry's file for <paramref name="key"/>.</summary>
    public static string PathOf(string directory, byte[] key) => Path.Combine(directory, Convert.ToHexString(key).ToLowerInvariant() + ".tables");

    /// <summary>The tables and spec stored under <paramref name="key"/>, or null when there is no whole, matching entry.</summary>
    public static (NamedTable[] Tables, string Spec)? TryRead(string directory, byte[] key)
    {
        try
        {
            using var stream = new FileStream(PathOf(directory, key), FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long end = stream.Length - TableCacheKey.Length;
            Span<byte> header = stackalloc byte[8 + 4 + TableCacheKey.Length];
            Read(stream, hash, header);
            if (!header[..8].SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(header[8..12]) != LayoutVersion
                || !header[12..].SequenceEqual(key))
                return null;
            int count = ReadInt32(stream, hash);
            if (count is < 0 or > MaxTables) return null;
            var tables = new NamedTable[count];
            for (int i = 0; i < count; i++)
            {
                string name = ReadString(stream, hash, end);
                tables[i] = new NamedTable(name, "", ReadString(stream, hash, end));
            }
            string spec = ReadString(stream, hash, end);
            Span<byte> stored = stackalloc byte[TableCacheKey.Length];
            stream.ReadExactly(stored);
            return stream.Position == stream.Length && stored.SequenceEqual(hash.GetHashAndReset()) ? (tables, spec) : null;
        }
        catch (Exception e) when (IsCacheFailure(e))
        {
            return null;
        }
    }

    /// <summary>Stores the tables and spec under <paramref name="key"/>; does nothing when the directory cannot take them.</summary>
    public static void TryWrite(string directory, byte[] key, IReadOnlyList<NamedTable> tables, string spec)
    {
        string path = PathOf(directory, key);
        string temporary = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                Write(stream, hash, Magic);
                WriteInt32(stream, hash, LayoutVersion);
                Write(stream, hash, key);
                WriteInt32(stream, hash, tables.Count);
                foreach (NamedTable table in tables)
                {
                    WriteString(stream, hash, table.Name);
                    WriteString(stream, hash, table.Data);
                }
                WriteString(stream, hash, spec);
                stream.Write(hash.GetHashAndReset());
            }
            // rename(2) replaces the entry in one step: a reader opens the old file or the new one, never a mix.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (IsCacheFailure(e))
        {
            TryDelete(temporary);
        }
    }

    /// <summary>What a cache directory can do to a load: be unreadable, unwritable, full, odd, or hold a bad entry.</summary>
    private static bool IsCacheFailure(Exception e)
        => e is IOException or UnauthorizedAccessException or SecurityException or NotSupportedException or ArgumentException
            or InvalidDataException;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (IsCacheFailure(e))
        {
            // A temporary file left behind is named so that no load ever reads it.
        }
    }

    private static void Read(Stream stream, IncrementalHash hash, Span<byte> destination)
    {
        stream.ReadExactly(destination);
        hash.AppendData(destination);
    }

    private static int ReadInt32(Stream stream, IncrementalHash hash)
    {
        Span<byte> bytes = stackalloc byte[4];
        Read(stream, hash, bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <exception cref="InvalidDataException">A length beyond the file's end: a truncated or foreign file.</exception>
    private static string ReadString(Stream stream, IncrementalHash hash, long end)
    {
        int chars = ReadInt32(stream, hash);
        if (chars < 0 || (long)chars * 2 > end - stream.Position) throw new InvalidDataException("cache entry truncated");
        string value = string.Create(chars, stream, static (span, source) => source.ReadExactly(MemoryMarshal.AsBytes(span)));
        hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
        return value;
    }

    private static void Write(Stream stream, IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        hash.AppendData(bytes);
    }

    private static void WriteInt32(Stream stream, IncrementalHash hash, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Write(stream, hash, bytes);
    }

    private static void WriteString(Stream stream, IncrementalHash hash, string value)
    {
        WriteInt32(stream, hash, value.Length);
        Write(stream, hash, MemoryMarshal.AsBytes(value.AsSpan()));
    }
}
