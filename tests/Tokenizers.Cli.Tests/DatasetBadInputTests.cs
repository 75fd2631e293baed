using System.Text;
using Parquet;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Bad dataset input: a missing column, a column that is not a string, a corrupt or truncated Parquet file, a row with
/// invalid UTF-8, a JSON line without the field. Each gives one line naming the file (and row), exit code 2, and no
/// shard, not even a partial one.
/// </summary>
public sealed class DatasetBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Output => _folder.File("out");

    /// <summary>Encodes <paramref name="input"/> into a folder of its own and checks the one-line error and that nothing was left there.</summary>
    private void AssertRefused(string input, string column, string expected)
    {
        var run = CliRunner.RunBuiltIn("encode", "-e", "gpt2", "--input", input, "--column", column, "--output-tokens", Output + "/");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"tokenizers: error: {input}: {expected}\n", run.Stderr);
        Assert.Empty(Directory.Exists(Output) ? Directory.GetFileSystemEntries(Output) : []);
    }

    [Fact]
    public void MissingColumn()
    {
        string input = _folder.File("a.parquet");
        ParquetFiles.Write(input, ["x"], rowsPerGroup: 1);
        AssertRefused(input, "content", "no column 'content'; its columns are id, text");
    }

    [Fact]
    public void ColumnThatIsNotAString()
    {
        string input = _folder.File("a.parquet");
        ParquetFiles.Write(input, ["x"], rowsPerGroup: 1);
        AssertRefused(input, "id", "column 'id' holds Int64, not strings");
    }

    [Fact]
    public void TruncatedParquet()
    {
        string input = _folder.File("a.parquet");
        ParquetFiles.Write(input, ParquetFiles.Documents(100, seed: 1), rowsPerGroup: 10);
        byte[] bytes = File.ReadAllBytes(input);
        File.WriteAllBytes(input, bytes[..(bytes.Length / 2)]);
        var run = CliRunner.RunBuiltIn("encode", "-e", "gpt2", "--input", input, "--column", "text", "--output-tokens", Output + "/");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"tokenizers: error: {input}: not a readable Parquet file", run.Stderr);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.Exists(Output) ? Directory.GetFileSystemEntries(Output) : []);
    }

    [Fact]
    public void CorruptPagesInALaterRowGroupLeaveNoPartialShard()
    {
        // Rows of the first row groups encode before the damage is met: the shard must still not appear.
        string input = _folder.File("a.parquet");
        ParquetFiles.Write(input, ParquetFiles.Documents(400, seed: 2), rowsPerGroup: 50);
        // Snappy has no checksum: damage the page header of row group 5's text column, which cannot go unseen.
        long at = ParquetFiles.TextPageOffset(input, rowGroup: 5);
        byte[] bytes = File.ReadAllBytes(input);
        bytes.AsSpan((int)at, 16).Fill(0xFF);
        File.WriteAllBytes(input, bytes);
        var run = CliRunner.RunBuiltIn("encode", "-e", "gpt2", "--input", input, "--column", "text", "--output-tokens", Output + "/");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"tokenizers: error: {input}: not a readable Parquet file (row group ", run.Stderr);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFileSystemEntries(Output));
    }

    [Fact]
    public void RowWithInvalidUtf8NamesTheRow()
    {
        // Uncompressed, so that the bytes of row 2's "é" can be found and made invalid in the file.
        string input = _folder.File("a.parquet");
        ParquetFiles.Write(input, ["first row", "second", "third \u00e9 row", "fourth"], rowsPerGroup: 2, CompressionMethod.None);
        byte[] bytes = File.ReadAllBytes(input);
        byte[] marker = Encoding.UTF8.GetBytes("third \u00e9");
        int found = 0;
        for (int i = bytes.AsSpan().IndexOf(marker); i >= 0; i = bytes.AsSpan().IndexOf(marker))
        {
            bytes[i + 6] = 0xFF;
            found++;
        }
        Assert.True(found > 0);
        File.WriteAllBytes(input, bytes);
        AssertRefused(input, "text", "row 2: invalid UTF-8 at byte 6 of the text");
    }

    [Fact]
    public void JsonLineWithoutTheFieldOrWithInvalidUtf8()
    {
        string input = _folder.File("a.jsonl");
        File.WriteAllText(input, "{\"text\": \"ok\"}\n\n{\"body\": \"no text\"}\n");
        AssertRefused(input, "text", "line 3: no \"text\" field");
        File.WriteAllText(input, "{\"text\": 12}\n");
        AssertRefused(input, "text", "line 1: field \"text\" is number, not a string");
        File.WriteAllBytes(input, [.. "{\"text\": \"ok\"}\n{\"text\": \"b"u8, 0xC3, 0x28, .. "\"}\n"u8]);
        AssertRefused(input, "text", "line 2: invalid UTF-8 at byte 11 of the line");
    }

    [Fact]
    public void ABadInputAmongSeveralKeepsTheShardsBeforeIt()
    {
        // Inputs are encoded in order: the good one's shard and manifest entry stay, so a fixed re-run resumes.
        ParquetFiles.Write(_folder.File("a.parquet"), ["good"], rowsPerGroup: 1);
        File.WriteAllBytes(_folder.File("b.parquet"), [.. "PAR1"u8, 1, 2, 3]);
        var run = CliRunner.RunBuiltIn("encode", "-e", "gpt2", "--input", _folder.File("*.parquet"), "--column", "text", "--output-tokens", Output);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"tokenizers: error: {_folder.File("b.parquet")}: not a readable Parquet file", run.Stderr);
        Assert.Equal(["a.bin", "manifest.json"], Directory.GetFiles(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
