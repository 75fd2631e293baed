using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Tokenizers.Cli.Datasets;

/// <summary>
/// The inputs of a dataset run: each <c>--input</c> is a file or a pattern with <c>*</c> and <c>?</c> in its file name
/// (<c>data/train-*.parquet</c>, quoted so the shell leaves it alone), expanded and sorted by ordinal path so that every
/// task of a sharded run sees the same list; task i of n takes inputs i, i + n, i + 2n, ….
/// </summary>
internal static class DatasetInputs
{
    /// <exception cref="CliException">A file is missing, a pattern matches nothing, or two inputs would write the same shard.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string input in inputs)
        {
            if (input == Commands.InputFiles.StandardInput)
                throw new CliException("--column reads files (a shard each, resumable), not standard input");
            string name = Path.GetFileName(input);
            if (name.IndexOfAny(['*', '?']) < 0)
            {
                files.Add(Commands.InputFiles.RequireFile(input));
                continue;
            }
            string folder = Path.GetDirectoryName(input) is { Length: > 0 } d ? d : ".";
            if (folder.IndexOfAny(['*', '?']) >= 0) throw new CliException($"{input}: patterns may use * and ? in the file name only");
            string[] matches = Directory.Exists(folder)
                ? Directory.GetFiles(folder, name, new EnumerationOptions { MatchType = MatchType.Simple, MatchCasing = MatchCasing.CaseSensitive })
                : [];
            if (matches.Length == 0) throw new CliException($"{input} matches no file");
            foreach (string match in matches) files.Add(folder == "." && Path.GetDirectoryName(input) is not { Length: > 0 } ? Path.GetFileName(match) : match);
        }
        var list = files.ToList();
        var byShard = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in list)
            if (!byShard.TryAdd(ShardName(file), file))
                throw new CliException($"{byShard[ShardName(file)]} and {file} would both write {ShardName(file)}; give inputs with different file names");
        return list;
    }

    /// <summary>The shard an input writes: its file name with <c>.bin</c> for its extension.</summary>
    public static string ShardName(string input) => Path.GetFileNameWithoutExtension(input) + ".bin";
}
