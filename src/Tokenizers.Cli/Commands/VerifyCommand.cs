using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Tokenizers.Cli.Datasets;
using Tokenizers.Data;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// <c>verify</c>: checks a folder of token shards against its manifests (or the manifests named): every task of the
/// run wrote its manifest, the manifests agree on how the ids were made, no shard or input appears twice, and each
/// shard has its recorded size (tokens × width) and SHA-256. Each problem is a line on stderr; exit code 1 if any.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        Argument<string[]> paths = new("path")
        {
            Description = "A folder of shards and manifest*.json files, or manifest files",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("verify", "Check token shards against their manifests: sizes, SHA-256, every task's manifest present") { paths };
        command.SetAction(result =>
        {
            var problems = new List<string>();
            var manifests = new List<(string Path, TokenShardManifest Manifest)>();
            foreach (string path in result.GetValue(paths)!)
            {
                IReadOnlyList<string> files = Directory.Exists(path) ? TokenShardManifest.FindIn(path) : [InputFiles.RequireFile(path)];
                if (files.Count == 0) problems.Add($"{path}: no manifest*.json");
                foreach (string file in files)
                {
                    try
                    {
                        manifests.Add((file, TokenShardManifest.Read(file)));
                    }
                    catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                    {
                        problems.Add(e.Message);
                    }
                }
            }
            long shards = 0, tokens = 0;
            if (manifests.Count > 0)
            {
                CheckRun(manifests, problems);
                foreach (var (path, manifest) in manifests)
                {
                    foreach (TokenShard shard in manifest.Shards)
                    {
                        CheckShard(Path.GetDirectoryName(Path.GetFullPath(path))!, manifest.Width, shard, problems);
                        shards++;
                        tokens += shard.Tokens;
                    }
                }
            }
            TextWriter error = result.InvocationConfiguration.Error;
            foreach (string problem in problems) error.WriteLine("tokenizers: verify: " + problem);
            if (problems.Count > 0) throw new CliException($"{problems.Count} problem(s) in {shards:N0} shard(s)", exitCode: 1);
            result.InvocationConfiguration.Output.WriteLine($"verified {shards:N0} shard(s), {tokens:N0} tokens, in {manifests.Count} manifest(s)");
            return 0;
        });
        return command;
    }

    /// <summary>The manifests describe one run: one recipe, every task's manifest, each input and shard once.</summary>
    private static void CheckRun(List<(string Path, TokenShardManifest Manifest)> manifests, List<string> problems)
    {
        TokenShardManifest first = manifests[0].Manifest;
        foreach (var (path, manifest) in manifests.Skip(1))
            if (!manifest.SameRecipe(first) || manifest.ShardCount != first.ShardCount)
                problems.Add($"{path}: made differently from {manifests[0].Path} (tokenizer, dtype, column, separator or task count)");
        var tasks = manifests.Select(m => m.Manifest.ShardIndex).ToHashSet();
        for (int task = 0; task < first.ShardCount; task++)
            if (!tasks.Contains(task)) problems.Add($"no manifest of task {task} of {first.ShardCount} ({TokenShardManifest.FileName(task, first.ShardCount)})");
        foreach (var group in manifests.SelectMany(m => m.Manifest.Shards).GroupBy(s => s.Shard).Where(g => g.Count() > 1))
            problems.Add($"{group.Key} is listed {group.Count()} times");
        foreach (var group in manifests.SelectMany(m => m.Manifest.Shards).GroupBy(s => s.Index).Where(g => g.Count() > 1))
            problems.Add($"input {group.Key} is listed {group.Count()} times");
    }

    private static void CheckShard(string folder, TokenFileWidth width, TokenShard shard, List<string> problems)
    {
        string path = Path.Combine(folder, shard.Shard);
        if (!File.Exists(path))
        {
            problems.Add($"{path}: missing");
            return;
        }
        long length = new FileInfo(path).Length;
        if (shard.Bytes != shard.Tokens * (int)width) problems.Add($"{path}: the manifest says {shard.Tokens:N0} tokens in {shard.Bytes:N0} bytes");
        if (length != shard.Bytes) problems.Add($"{path}: {length:N0} bytes, the manifest says {shard.Bytes:N0}");
        else if (HashingStream.HashFile(path) != shard.Sha256) problems.Add($"{path}: SHA-256 differs from the manifest's");
    }
}
