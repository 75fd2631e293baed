using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parquet;
using Parquet.Schema;

namespace Tokenizers.Cli.Datasets;

/// <summary>
/// A string column of a Parquet file (a Hugging Face dataset's), one row group at a time: the column's raw UTF-8
/// values and their definition levels, so that invalid UTF-8 is seen rather than replaced by Parquet.Net's decoding.
/// Only that column is read; memory is one row group of it.
/// </summary>
internal sealed class ParquetDocumentSource : DocumentSource
{
    /// <summary>
    /// Parquet.Net keeps the buffers it decompresses pages into in a pool that, unbounded by default, only grows; kept
    /// to a few row groups' worth, so that memory stays flat however many row groups a file has.
    /// </summary>
    private static readonly ParquetOptions s_options = new() { MaximumSmallPoolFreeBytes = 16 << 20, MaximumLargePoolFreeBytes = 64 << 20 };

    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly DataField _raw;
    private int _rowGroup;
    private long _firstRow;

    public ParquetDocumentSource(string path, string column) : base(path)
    {
        _stream = OpenFile(path);
        try
        {
            _reader = Run(() => ParquetReader.CreateAsync(_stream, s_options, leaveStreamOpen: true).GetAwaiter().GetResult(), "");
            Field? field = _reader.Schema.Fields.FirstOrDefault(f => f.Name == column);
            if (field is null)
                throw Error($"no column '{column}'; its columns are {string.Join(", ", _reader.Schema.Fields.Select(f => f.Name))}");
            if (field is not DataField data || data.IsArray || (data.ClrType != typeof(string) && data.ClrType != typeof(ReadOnlyMemory<char>)))
                throw Error($"column '{column}' holds {Describe(field)}, not strings");
            // The same column read as bytes: a field attached to a schema of its own, with the file's path and nullability.
            _raw = new DataField<byte[]>(column, data.IsNullable);
            _ = new ParquetSchema(_raw);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public override double Fraction => _reader.RowGroupCount == 0 ? 1 : (double)_rowGroup / _reader.RowGroupCount;

    public override bool Next(List<DocumentRow> rows)
    {
        rows.Clear();
        if (_rowGroup == _reader.RowGroupCount) return false;
        int group = _rowGroup;
        Run(() =>
        {
            ParquetRowGroupReader reader = _reader.OpenRowGroupReader(group);
            int count = checked((int)reader.RowCount);
            var values = new ReadOnlyMemory<byte>[count];
            int[]? levels = _raw.IsNullable ? new int[count] : null;
            reader.ReadRawAsync<ReadOnlyMemory<byte>>(_raw, values, levels, null).GetAwaiter().GetResult();
            // Values are packed: a null row (definition level 0) takes none.
            for (int row = 0, value = 0; row < count; row++)
            {
                bool isNull = levels is not null && levels[row] == 0;
                rows.Add(new DocumentRow(isNull ? default : values[value++], isNull, _firstRow + row));
            }
            return 0;
        }, $" (row group {group})");
        _rowGroup++;
        _firstRow += rows.Count;
        return true;
    }

    public override int Decode(DocumentRow row, ref char[] chars)
    {
        int length = StrictUtf8.Decode(row.Bytes.Span, ref chars);
        if (length < 0) throw Error($"row {row.Location}: invalid UTF-8 at byte {-1 - length} of the text");
        return length;
    }

    public override void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    private static string Describe(Field field) => field switch
    {
        DataField { IsArray: true } => "lists",
        DataField data => (Nullable.GetUnderlyingType(data.ClrType) ?? data.ClrType) switch
        {
            Type t when t == typeof(ReadOnlyMemory<byte>) || t == typeof(byte[]) => "binary values",
            Type t => t.Name,
        },
        _ => field.SchemaType.ToString().ToLowerInvariant() + " values",
    };

    private FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error($"cannot read: {e.Message}");
        }
    }

    /// <summary>
    /// Runs a Parquet.Net call; whatever a damaged file makes it throw (its own exceptions, I/O errors, out-of-range
    /// reads of a truncated page) becomes one line naming the file.
    /// </summary>
    private T Run<T>(Func<T> read, string where)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not CliException and not OutOfMemoryException)
        {
            throw Error($"not a readable Parquet file{where}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
