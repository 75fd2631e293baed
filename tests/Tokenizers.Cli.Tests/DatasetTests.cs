using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Tokenizers.Data;
using Tokenizers.OpenAI;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Dataset preparation (issue 13): a Parquet file written by Parquet.Net (several row groups, Snappy, columns id and
/// text) becomes, for each row in order, <c>&lt;|endoftext|&gt;</c> and then the row's ordinary ids, uint16 or uint32;
/// JSON Lines with <c>--column</c> the same; several inputs give a shard each and a manifest; a re-run skips what still
/// matches.
/// </summary>
public sealed class DatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>What the token file must hold: each document's separator and ordinary ids, in order (a null row is an empty document).</summary>
    internal static byte[] Expected(string encoding, IEnumerable<string?> documents)
    {
        ITokenizer tokenizer = OpenAIEncodings.Get(encoding);
        int separator = tokenizer.EncodeToIds("<|endoftext|>", SpecialTokenPolicy.All).Single();
        var ids = new List<int>();
        foreach (string? document in documents)
        {
            ids.Add(separator);
            ids.AddRange(tokenizer.EncodeToIds(document ?? ""));
        }
        bool narrow = tokenizer.VocabularySize <= 65536;
        var bytes = new byte[ids.Count * (narrow ? 2 : 4)];
        for (int i = 0; i < ids.Count; i++)
        {
            if (narrow) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), checked((ushort)ids[i]));
            else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), checked((uint)ids[i]));
        }
        return bytes;
    }

    [Theory]
    [InlineData("gpt2", "uint16")]
    [InlineData("cl100k_base", "uint32")]
    public void ParquetRowGroupsBecomeSeparatorAndOrdinaryIdsPerRow(string encoding, string dtype)
    {
        var documents = ParquetFiles.Documents(500, seed: 1);
        string input = _folder.File("train.parquet"), output = _folder.File("train.bin");
        ParquetFiles.Write(input, documents, rowsPerGroup: 64);

        var run = CliRunner.RunBuiltIn("encode", "--encoding", encoding, "--input", input, "--column", "text", "--output-tokens", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        byte[] expected = Expected(encoding, documents);
        Assert.Equal(expected, File.ReadAllBytes(output));

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(output + ".manifest.json"));
        Assert.Equal(dtype, manifest.RootElement.GetProperty("dtype").GetString());
        JsonElement shard = manifest.RootElement.GetProperty("shards").EnumerateArray().Single();
        Assert.Equal(input, shard.GetProperty("input").GetString());
        Assert.Equal("train.bin", shard.GetProperty("shard").GetString());
        Assert.Equal(500, shard.GetProperty("rows").GetInt64());
        Assert.Equal(expected.Length / (dtype == "uint16" ? 2 : 4), shard.GetProperty("tokens").GetInt64());
        Assert.Equal(expected.Length, shard.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), shard.GetProperty("sha256").GetString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryThreadCountWritesTheSameBytes(int threads)
    {
        var documents = ParquetFiles.Documents(300, seed: 2);
        string input = _folder.File("a.parquet"), output = _folder.File("a.bin");
        ParquetFiles.Write(input, documents, rowsPerGroup: 100);
        var run = CliRunner.RunBuiltIn("encode", "-e", "o200k_base", "-i", input, "--column", "text", "--output-tokens", output, "--threads", threads.ToString());
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(Expected("o200k_base", documents), File.ReadAllBytes(output));
    }

    [Fact]
    public void JsonLinesWithColumnGiveTheSameLayout()
    {
        var documents = ParquetFiles.Documents(200, seed: 3);
        string input = _folder.File("train.jsonl"), output = _folder.File("out.bin");
        // Another field first, blank lines between, CRLF endings: only the named field counts.
        File.WriteAllLines(input, documents.Select(d => JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = 1, ["content"] = d }) + "\r\n"));
        var run = CliRunner.RunBuiltIn("encode", "-e", "gpt2", "--jsonl", input, "--column", "content", "--output-tokens", output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(Expected("gpt2", documents), File.ReadAllBytes(output));
    }

    [Fact]
    public void SeveralInputsGiveAShardEachAndAReRunSkipsThoseThatStillMatch()
    {
        var inputs = new List<(string Path, List<string?> Documents)>();
        for (int i = 0; i < 3; i++)
        {
            var documents = ParquetFiles.Documents(50 + i, seed: 10 + i);
            string path = _folder.File($"part-{i}.parquet");
            ParquetFiles.Write(path, documents, rowsPerGroup: 16);
            inputs.Add((path, documents));
        }
        string output = _folder.File("shards");
        string[] args = ["encode", "-e", "gpt2", "--input", _folder.File("part-*.parquet"), "--column", "text", "--output-tokens", output];

        var first = CliRunner.RunBuiltIn(args);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.StartsWith("wrote 3 shard(s), skipped 0 unchanged, of 3 input(s)", first.Stdout);
        for (int i = 0; i < 3; i++)
            Assert.Equal(Expected("gpt2", inputs[i].Documents), File.ReadAllBytes(Path.Combine(output, $"part-{i}.bin")));
        var manifest = TokenShardManifest.Read(Path.Combine(output, "manifest.json"));
        Assert.Equal([0, 1, 2], manifest.Shards.Select(s => s.Index));
        Assert.Equal([50L, 51, 52], manifest.Shards.Select(s => s.Rows));

        // As after a crash: one shard damaged, one gone; the third still matches and is skipped.
        File.WriteAllBytes(Path.Combine(output, "part-0.bin"), [1, 2]);
        File.Delete(Path.Combine(output, "part-2.bin"));
        var again = CliRunner.RunBuiltIn(args);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.StartsWith("wrote 2 shard(s), skipped 1 unchanged", again.Stdout);
        for (int i = 0; i < 3; i++)
            Assert.Equal(Expected("gpt2", inputs[i].Documents), File.ReadAllBytes(Path.Combine(output, $"part-{i}.bin")));
        Assert.StartsWith("verified 3 shard(s)", CliRunner.RunBuiltIn("verify", output).Stdout);

        // A changed input is encoded again.
        ParquetFiles.Write(inputs[1].Path, ParquetFiles.Documents(80, seed: 99), rowsPerGroup: 16);
        Assert.StartsWith("wrote 1 shard(s), skipped 2 unchanged", CliRunner.RunBuiltIn(args).Stdout);
        Assert.Equal(Expected("gpt2", ParquetFiles.Documents(80, seed: 99)), File.ReadAllBytes(Path.Combine(output, "part-1.bin")));
    }

    [Fact]
    public void VerifyNamesEveryProblem()
    {
        string output = _folder.File("shards");
        for (int i = 0; i < 2; i++) ParquetFiles.Write(_folder.File($"p{i}.parquet"), ParquetFiles.Documents(20, seed: i), rowsPerGroup: 8);
        for (int task = 0; task < 2; task++)
        {
            var run = CliRunner.RunBuiltIn("encode", "-e", "gpt2", "--input", _folder.File("p0.parquet"), _folder.File("p1.parquet"), "--column", "text",
                "--output-tokens", output, "--shard-count", "2", "--shard-index", task.ToString());
            Assert.True(run.ExitCode == 0, run.Stderr);
        }
        Assert.Equal(0, CliRunner.RunBuiltIn("verify", output).ExitCode);

        File.AppendAllText(Path.Combine(output, "p1.bin"), "xx");
        File.Delete(Path.Combine(output, "manifest-0-of-2.json"));
        var verify = CliRunner.RunBuiltIn("verify", output);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("no manifest of task 0 of 2", verify.Stderr);
        Assert.Contains("p1.bin: ", verify.Stderr);
        Assert.EndsWith("tokenizers: error: 2 problem(s) in 1 shard(s)\n", verify.Stderr);
    }
}
