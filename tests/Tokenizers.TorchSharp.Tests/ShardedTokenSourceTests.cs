using Tokenizers.Data;

namespace Tokenizers.TorchSharp.Tests;

/// <summary>A prepared dataset's shards, listed by the manifests of several tasks, read as the one token file they were cut from.</summary>
public sealed class ShardedTokenSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(TokenFileWidth.UInt16)]
    [InlineData(TokenFileWidth.UInt32)]
    public void ShardsOfTwoTasksReadAsOneSourceInInputOrder(TokenFileWidth width)
    {
        var random = new Random(11);
        int[][] shards = [Ids(random, 1000), [], Ids(random, 1), Ids(random, 4097), Ids(random, 300)];
        // Task 0 of 2 wrote inputs 0, 2 and 4, task 1 inputs 1 and 3: each manifest lists its own, in its own order.
        WriteManifest(0, 2, width, shards, [4, 0, 2]);
        WriteManifest(1, 2, width, shards, [1, 3]);
        int[] all = [.. shards.SelectMany(s => s)];

        using TokenSource source = TokenSource.OpenShards(_temp.Path);
        Assert.Equal(all.Length, source.Count);
        var everything = new long[all.Length];
        source.Read(0, everything);
        Assert.Equal(all.Select(id => (long)id), everything);
        // Windows that cross one or several shard ends (and the empty shard).
        foreach (var (start, length) in new[] { (990, 20), (999, 3), (1000, 4097), (995, 4200), (all.Length - 5, 5), (0, 0) })
        {
            var window = new long[length];
            source.Read(start, window);
            Assert.Equal(all.Skip(start).Take(length).Select(id => (long)id), window);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => source.Read(all.Length - 2, new long[3]));
    }

    [Fact]
    public void AnInputListedTwiceIsRefused()
    {
        int[][] shards = [[1, 2], [3]];
        WriteManifest(0, 2, TokenFileWidth.UInt16, shards, [0, 1]);
        WriteManifest(1, 2, TokenFileWidth.UInt16, shards, [1]);
        Assert.Throws<InvalidDataException>(() => TokenSource.OpenShards(_temp.Path));
    }

    private static int[] Ids(Random random, int count) => Enumerable.Range(0, count).Select(_ => random.Next(65536)).ToArray();

    private void WriteManifest(int task, int tasks, TokenFileWidth width, int[][] shards, int[] inputs)
    {
        var manifest = new TokenShardManifest
        {
            Tokenizer = "gpt2", Width = width, Column = "text", Separator = "<|endoftext|>", SeparatorId = 50256, ShardIndex = task, ShardCount = tasks,
        };
        foreach (int input in inputs)
        {
            string name = $"part-{input}.bin";
            TokenFile.Write(_temp.File(name), shards[input], width);
            manifest.Shards.Add(new TokenShard(input, $"part-{input}.parquet", 0, name, 0, shards[input].Length,
                shards[input].Length * (int)width, ""));
        }
        manifest.Write(_temp.File(TokenShardManifest.FileName(task, tasks)));
    }
}
