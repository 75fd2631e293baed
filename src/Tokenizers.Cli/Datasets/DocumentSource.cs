using System;
using System.Collections.Generic;
using System.IO;

namespace Tokenizers.Cli.Datasets;

/// <summary>
/// A file of documents read in batches of raw records, bounded in memory (a Parquet row group, a few MiB of JSON
/// lines); the text of each record is decoded by <see cref="Decode"/>, on any thread, so that decoding runs on every core.
/// </summary>
internal abstract class DocumentSource : IDisposable
{
    protected DocumentSource(string path) => Path = path;

    /// <summary>The file, as errors name it.</summary>
    public string Path { get; }

    /// <summary>How much of the file has been read, from 0 to 1, for progress lines.</summary>
    public abstract double Fraction { get; }

    /// <summary>Replaces <paramref name="rows"/> with the next batch; false when the file has no more.</summary>
    /// <exception cref="CliException">The file cannot be read or is malformed (one line, naming it).</exception>
    public abstract bool Next(List<DocumentRow> rows);

    /// <summary>The record's text as chars in <paramref name="chars"/> (grown as needed); its length.</summary>
    /// <exception cref="CliException">The record is not valid UTF-8 or holds no string (naming the file and row).</exception>
    public abstract int Decode(DocumentRow row, ref char[] chars);

    /// <summary>
    /// Opens <paramref name="path"/> as Parquet (by its <c>.parquet</c> name or its <c>PAR1</c> magic) or else as JSON Lines,
    /// whether <c>--input</c> or <c>--jsonl</c> named it, so that one run can mix them.
    /// </summary>
    public static DocumentSource Open(string path, string column)
    {
        if (IsParquet(path)) return new ParquetDocumentSource(path, column);
        return new JsonLinesDocumentSource(path, column);
    }

    /// <summary>A one-line error about this file.</summary>
    public CliException Error(string message) => new($"{Path}: {message}");

    public abstract void Dispose();

    private static bool IsParquet(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // reported when the file is opened
        }
    }
}
