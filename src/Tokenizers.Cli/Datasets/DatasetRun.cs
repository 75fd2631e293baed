using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Tokenizers.Cli.Commands;
using Tokenizers.Data;

namespace Tokenizers.Cli.Datasets;

/// <summary>What a dataset run is asked to do.</summary>
/// <param name="Inputs">The sorted inputs of every task (<see cref="DatasetInputs"/>).</param>
/// <param name="Output">The shard file (one input, not sharded) or the folder of shards and manifests.</param>
/// <param name="OutputIsFolder">Shards go into <paramref name="Output"/> as a folder.</param>
internal sealed record DatasetRequest(ITokenizer Tokenizer, string TokenizerName, IReadOnlyList<string> Inputs, string Column,
    string Output, bool OutputIsFolder, string Separator, ShardSelection Selection, int Threads, bool Quiet);

/// <summary>
/// Dataset preparation: one token shard per input (this task's share of them), written through a temporary file and a
/// rename, and a manifest entry for each (rows, tokens, bytes, SHA-256), the manifest rewritten after every shard. An
/// input whose entry in any manifest beside it still matches (same recipe, same input size, the shard's size and hash
/// unchanged) is skipped: a run that crashed picks up where it stopped.
/// </summary>
internal static class DatasetRun
{
    public static void Run(DatasetRequest request, TextWriter output, TextWriter stderr)
    {
        int separatorId = SeparatorId(request.Tokenizer, request.Separator);
        TokenFileWidth width = TokenFile.WidthFor(request.Tokenizer.VocabularySize);
        string folder = request.OutputIsFolder ? request.Output : Path.GetDirectoryName(Path.GetFullPath(request.Output))!;
        string manifestPath = request.OutputIsFolder
            ? Path.Combine(folder, TokenShardManifest.FileName(request.Selection.Index, request.Selection.Count))
            : request.Output + ".manifest.json";
        var manifest = new TokenShardManifest
        {
            Tokenizer = request.TokenizerName, Width = width, Column = request.Column, Separator = request.Separator,
            SeparatorId = separatorId, ShardIndex = request.Selection.Index, ShardCount = request.Selection.Count,
        };
        Dictionary<string, TokenShard> previous = PreviousShards(request.OutputIsFolder ? TokenShardManifest.FindIn(folder) : [manifestPath], manifest);
        Directory.CreateDirectory(folder);

        var mine = Enumerable.Range(0, request.Inputs.Count).Where(request.Selection.Takes).ToList();
        var progress = new DatasetProgress(request.Quiet ? TextWriter.Null : stderr, mine.Sum(i => new FileInfo(request.Inputs[i]).Length));
        using var encoder = new DocumentEncoder(request.Tokenizer, separatorId, request.Threads);
        int skipped = 0;
        foreach (int index in mine)
        {
            string input = request.Inputs[index];
            string shardName = request.OutputIsFolder ? DatasetInputs.ShardName(input) : Path.GetFileName(request.Output);
            string shardPath = Path.Combine(folder, shardName);
            long inputBytes = new FileInfo(input).Length;
            // The index is only the reading order: an input list that grew since keeps its finished shards.
            bool skip = previous.TryGetValue(shardName, out TokenShard? old) && Matches(old, input, inputBytes, shardPath);
            TokenShard shard = skip ? old! with { Index = index } : EncodeShard(request, encoder, index, input, inputBytes, shardPath, shardName, width, progress);
            if (skip) skipped++;
            progress.Finished(inputBytes, skip);
            manifest.Shards.Add(shard);
            WriteManifest(manifest, manifestPath);
        }
        long rows = manifest.Shards.Sum(s => s.Rows), tokens = manifest.Shards.Sum(s => s.Tokens);
        output.WriteLine($"wrote {manifest.Shards.Count - skipped} shard(s), skipped {skipped} unchanged, of {request.Inputs.Count} input(s) "
            + $"(task {request.Selection.Index} of {request.Selection.Count}): {rows:N0} rows, {tokens:N0} tokens, "
            + $"{(width == TokenFileWidth.UInt16 ? "uint16" : "uint32")}; manifest {manifestPath}");
    }

    private static TokenShard EncodeShard(DatasetRequest request, DocumentEncoder encoder, int index, string input, long inputBytes,
        string shardPath, string shardName, TokenFileWidth width, DatasetProgress progress)
    {
        using DocumentSource source = DocumentSource.Open(input, request.Column);
        var rows = new List<DocumentRow>();
        long rowCount = 0, tokens = 0;
        string hash = "";
        long bytes = AtomicOutput.Write(shardPath, stream =>
        {
            using var hashing = new HashingStream(stream);
            using (var writer = new TokenFileWriter(hashing, width, leaveOpen: true))
            {
                while (source.Next(rows))
                {
                    long written = encoder.Encode(source, rows, writer);
                    rowCount += rows.Count;
                    tokens += written;
                    progress.Add(source, inputBytes, rows.Count, written);
                }
            }
            hash = hashing.HexHash();
            return hashing.Written;
        });
        return new TokenShard(index, input, inputBytes, shardName, rowCount, tokens, bytes, hash);
    }

    /// <summary>The id of the special token written before each document.</summary>
    private static int SeparatorId(ITokenizer tokenizer, string separator)
    {
        IReadOnlyList<int> ids = tokenizer.EncodeToIds(separator, SpecialTokenPolicy.All);
        return ids.Count == 1 && !tokenizer.EncodeToIds(separator).SequenceEqual(ids)
            ? ids[0]
            : throw new CliException($"the tokenizer has no special token {separator}; name the one that separates documents with --separator");
    }

    /// <summary>Entries of earlier runs made the same way, by shard name; manifests that cannot be read are ignored (their shards are made again).</summary>
    private static Dictionary<string, TokenShard> PreviousShards(IEnumerable<string> manifests, TokenShardManifest recipe)
    {
        var shards = new Dictionary<string, TokenShard>(StringComparer.Ordinal);
        foreach (string path in manifests)
        {
            if (!File.Exists(path)) continue;
            TokenShardManifest old;
            try
            {
                old = TokenShardManifest.Read(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                continue;
            }
            if (!old.SameRecipe(recipe)) continue;
            foreach (TokenShard shard in old.Shards) shards[shard.Shard] = shard;
        }
        return shards;
    }

    private static bool Matches(TokenShard old, string input, long inputBytes, string shardPath) =>
        old.Input == input && old.InputBytes == inputBytes && File.Exists(shardPath)
        && new FileInfo(shardPath).Length == old.Bytes && HashingStream.HashFile(shardPath) == old.Sha256;

    private static void WriteManifest(TokenShardManifest manifest, string path)
    {
        try
        {
            manifest.Write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {path}: {e.Message}");
        }
    }
}
