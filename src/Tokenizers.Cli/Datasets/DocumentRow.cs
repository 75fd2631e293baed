using System;

namespace Tokenizers.Cli.Datasets;

/// <summary>One document as its file holds it: raw bytes (a Parquet value, a JSON line), or a null value.</summary>
/// <param name="Bytes">The record's bytes, valid until the source reads its next batch.</param>
/// <param name="IsNull">A null value (Parquet), encoded as an empty document.</param>
/// <param name="Location">The row (Parquet, from 0) or line (JSON Lines, from 1) errors name.</param>
internal readonly record struct DocumentRow(ReadOnlyMemory<byte> Bytes, bool IsNull, long Location);
