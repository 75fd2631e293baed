using System;
using System.Globalization;

namespace Tokenizers.Cli.Datasets;

/// <summary>
/// Which task of a sharded run this process is: <c>--shard-index i --shard-count n</c>; with <c>--shard-count</c> alone the
/// index comes from the engine that started the process, so one command runs unchanged in every task: Kubernetes Indexed
/// Jobs set <c>JOB_COMPLETION_INDEX</c> (0 to n - 1), Slurm job arrays <c>SLURM_ARRAY_TASK_ID</c> (made to count from 0
/// by subtracting <c>SLURM_ARRAY_TASK_MIN</c>, so <c>--array=1-8</c> works as well as <c>--array=0-7</c>).
/// </summary>
internal readonly record struct ShardSelection(int Index, int Count)
{
    public static ShardSelection Single => new(0, 1);

    /// <exception cref="CliException">The numbers are out of range, or the index is neither given nor in the environment.</exception>
    public static ShardSelection Resolve(int? index, int? count, Func<string, string?> environment)
    {
        if (count is null)
        {
            if (index is not null) throw new CliException("--shard-index goes with --shard-count");
            return Single;
        }
        if (count < 1) throw new CliException("--shard-count must be at least 1");
        index ??= FromEnvironment(environment)
            ?? throw new CliException("--shard-count needs --shard-index, or JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm) in the environment");
        if (index < 0 || index >= count) throw new CliException($"the shard index {index} is not in [0, {count})");
        return new ShardSelection(index.Value, count.Value);
    }

    /// <summary>Whether this task encodes the input at <paramref name="position"/> of the sorted list.</summary>
    public bool Takes(int position) => position % Count == Index;

    private static int? FromEnvironment(Func<string, string?> environment)
    {
        if (Parse(environment("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX") is int k8s) return k8s;
        if (Parse(environment("SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID") is int slurm)
            return slurm - (Parse(environment("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN") ?? 0);
        return null;
    }

    private static int? Parse(string? value, string name)
    {
        if (string.IsNullOrEmpty(value)) return null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? n
            : throw new CliException($"{name}={value} is not a task number");
    }
}
