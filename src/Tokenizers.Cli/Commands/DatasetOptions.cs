using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Tokenizers.Cli.Datasets;

namespace Tokenizers.Cli.Commands;

/// <summary><c>encode</c>'s options for dataset preparation: <c>--column</c>, <c>--separator</c> and the sharding of a run over tasks.</summary>
internal sealed class DatasetOptions
{
    public Option<string> Column { get; } = new("--column")
    {
        Description = "Dataset preparation: the string column (Parquet) or field (JSON Lines) to encode; each row becomes the separator "
            + "token and then its ordinary ids (nanoGPT's and llm.c's layout), one shard per input, with a manifest",
    };

    public Option<string> Separator { get; } = new("--separator")
    {
        Description = "With --column: the special token written before each document",
        DefaultValueFactory = _ => "<|endoftext|>",
    };

    public Option<int?> ShardIndex { get; } = new("--shard-index") { Description = "With --shard-count: this task's number, from 0" };

    public Option<int?> ShardCount { get; } = new("--shard-count")
    {
        Description = "Split the inputs over this many tasks: task i takes inputs i, i + n, …; without --shard-index, i is read from "
            + "JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) or SLURM_ARRAY_TASK_ID (Slurm job arrays)",
    };

    public Option[] All => [Column, Separator, ShardIndex, ShardCount];

    /// <exception cref="CliException">A dataset option was given without <c>--column</c>.</exception>
    public void RejectWithoutColumn(ParseResult result)
    {
        foreach (Option option in (Option[])[Separator, ShardIndex, ShardCount])
            if (result.GetResult(option) is { Implicit: false }) throw new CliException($"{option.Name} goes with --column");
    }

    public DatasetRequest Request(ParseResult result, ITokenizer tokenizer, string tokenizerName, string[] inputs,
        string output, int threads, bool quiet)
    {
        ShardSelection selection = ShardSelection.Resolve(result.GetValue(ShardIndex), result.GetValue(ShardCount), Environment.GetEnvironmentVariable);
        var files = DatasetInputs.Expand(inputs);
        bool pattern = inputs.Any(i => Path.GetFileName(i).IndexOfAny(['*', '?']) >= 0);
        bool folder = files.Count > 1 || pattern || selection.Count > 1 || Directory.Exists(output)
            || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);
        return new DatasetRequest(tokenizer, tokenizerName, files, result.GetValue(Column)!, output, folder,
            result.GetValue(Separator)!, selection, threads, quiet);
    }
}
