using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Tokenizers.Data;

namespace Tokenizers.TorchSharp;

/// <summary>
/// A read-only sequence of token ids that windows and batches are cut from: in memory, or a memory-mapped token file.
/// Implementations are thread-safe, because TorchSharp's DataLoader reads items from several threads.
/// </summary>
public abstract class TokenSource : IDisposable
{
    /// <summary>Number of tokens.</summary>
    public abstract long Count { get; }

    /// <summary>Copies the tokens from <paramref name="start"/> on into <paramref name="destination"/> as int64, the dtype of index tensors.</summary>
    public abstract void Read(long start, Span<long> destination);

    /// <summary>Tokens held in memory; <paramref name="tokens"/> must not change while in use (an <c>int[]</c> converts implicitly).</summary>
    public static TokenSource FromMemory(ReadOnlyMemory<int> tokens) => new MemoryTokenSource(tokens);

    /// <summary>Opens a token file (see <see cref="TokenFile"/>), memory-mapped; dispose the source to close it.</summary>
    public static TokenSource OpenFile(string path, TokenFileWidth width) => new FileTokenSource(TokenFileReader.Open(path, width), ownsReader: true);

    /// <summary>Reads through <paramref name="reader"/>; the source disposes it only when <paramref name="ownsReader"/>.</summary>
    public static TokenSource FromFile(TokenFileReader reader, bool ownsReader = false) => new FileTokenSource(reader, ownsReader);

    /// <summary>
    /// <paramref name="sources"/> read as one, in order (token files of a prepared dataset, say); disposing the result
    /// disposes them when <paramref name="ownsSources"/>.
    /// </summary>
    public static TokenSource Concat(IReadOnlyList<TokenSource> sources, bool ownsSources = true) =>
        new ConcatenatedTokenSource(sources ?? throw new ArgumentNullException(nameof(sources)), ownsSources);

    /// <summary>
    /// The shards of a prepared dataset as one token source: <paramref name="path"/> is a folder of shards with the
    /// manifests <c>tokenizers encode --column</c> wrote (every task's, of a sharded run), or one manifest file. Shards are
    /// read in the order of their inputs, each memory-mapped, so the whole is the token file a single input of all the
    /// rows would have given.
    /// </summary>
    /// <exception cref="InvalidDataException">A manifest cannot be read, the manifests differ in width, or a shard is listed twice.</exception>
    public static TokenSource OpenShards(string path)
    {
        IReadOnlyList<string> manifests = Directory.Exists(path) ? TokenShardManifest.FindIn(path) : [path];
        if (manifests.Count == 0) throw new InvalidDataException($"{path} holds no manifest*.json");
        var shards = new List<(TokenShard Shard, string Folder, TokenFileWidth Width)>();
        foreach (string manifestPath in manifests)
        {
            TokenShardManifest manifest = TokenShardManifest.Read(manifestPath);
            string folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
            foreach (TokenShard shard in manifest.Shards) shards.Add((shard, folder, manifest.Width));
        }
        if (shards.Select(s => s.Width).Distinct().Count() > 1) throw new InvalidDataException($"{path}: the manifests mix uint16 and uint32 shards");
        if (shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidDataException($"{path}: input {twice.Key} is listed {twice.Count()} times");
        var sources = new List<TokenSource>();
        try
        {
            foreach (var (shard, folder, width) in shards.OrderBy(s => s.Shard.Index))
                sources.Add(OpenFile(Path.Combine(folder, shard.Shard), width));
        }
        catch
        {
            foreach (TokenSource source in sources) source.Dispose();
            throw;
        }
        return Concat(sources);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Throws when [start, start + length) is not inside the source.</summary>
    protected void CheckRange(long start, int length)
    {
        if (start < 0 || start > Count - length)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Tokens [{start}, {start + length}) are outside the source's {Count} tokens.");
    }
}
