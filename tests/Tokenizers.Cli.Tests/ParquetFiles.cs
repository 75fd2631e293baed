using Parquet;
using Parquet.Schema;

namespace Tokenizers.Cli.Tests;

/// <summary>Parquet files as Hugging Face datasets ship them, written with Parquet.Net: an <c>id</c> and a <c>text</c> column, several row groups.</summary>
internal static class ParquetFiles
{
    public static void Write(string path, IReadOnlyList<string?> texts, int rowsPerGroup, CompressionMethod compression = CompressionMethod.Snappy) =>
        WriteAsync(path, texts, rowsPerGroup, compression).GetAwaiter().GetResult();

    private static async System.Threading.Tasks.Task WriteAsync(string path, IReadOnlyList<string?> texts, int rowsPerGroup, CompressionMethod compression)
    {
        var id = new DataField<long>("id");
        var text = new DataField<string>("text", true);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, text), stream, new ParquetOptions { CompressionMethod = compression });
        for (int start = 0; start < texts.Count; start += rowsPerGroup)
        {
            int count = Math.Min(rowsPerGroup, texts.Count - start);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync<long>(id, Enumerable.Range(start, count).Select(i => (long)i).ToArray());
            await group.WriteAsync(text, texts.Skip(start).Take(count).ToArray()!, null);
        }
    }

    /// <summary>Where the first page of the text column of <paramref name="rowGroup"/> starts in the file.</summary>
    public static long TextPageOffset(string path, int rowGroup) => TextPageOffsetAsync(path, rowGroup).GetAwaiter().GetResult();

    private static async System.Threading.Tasks.Task<long> TextPageOffsetAsync(string path, int rowGroup)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var column = reader.Metadata!.RowGroups[rowGroup].Columns[1].MetaData!;
        return column.DictionaryPageOffset ?? column.DataPageOffset;
    }

    /// <summary>Documents of many kinds: prose, other scripts, emoji, special-token text, empty, long, a null.</summary>
    public static List<string?> Documents(int count, int seed)
    {
        string[] kinds =
        [
            "I felt able to face the fact.", "Привет, мир! Это тест №42.", "東京タワーは高さ333メートルです。", "Emoji: 😀👍🏽 👨‍👩‍👧‍👦 🇫🇷",
            "text with <|endoftext|> inside it", "", "  leading and trailing spaces  ", "line one\nline two\r\n\ttabbed",
            "    def encode(self, text):\n        return [1, 2, 3]",
        ];
        var random = new Random(seed);
        var documents = new List<string?>();
        for (int i = 0; i < count; i++)
        {
            if (i % 37 == 5) documents.Add(null);
            else if (i % 53 == 7) documents.Add(string.Concat(Enumerable.Repeat(kinds[random.Next(kinds.Length)] + " ", 400)));
            else documents.Add(string.Join(" ", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => kinds[random.Next(kinds.Length)])));
        }
        return documents;
    }
}
