using System.Diagnostics;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Scaling past one machine: n processes started at once, each given the same command and its task number the way an
/// engine gives it (<c>--shard-index</c>, Kubernetes' <c>JOB_COMPLETION_INDEX</c>, Slurm's <c>SLURM_ARRAY_TASK_ID</c>),
/// write shard for shard the bytes of a single run, and <c>verify</c> accepts their manifests together.
/// </summary>
public sealed class ShardedRunTests : IDisposable
{
    private static readonly string s_cli = Path.Combine(AppContext.BaseDirectory, "Tokenizers.Cli.dll");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ParallelProcessesWriteTheShardsOfASingleRun()
    {
        for (int i = 0; i < 7; i++)
        {
            string name = i % 2 == 0 ? $"train-{i:D5}.parquet" : $"train-{i:D5}.jsonl";
            var documents = ParquetFiles.Documents(40 + 13 * i, seed: 100 + i);
            if (name.EndsWith(".parquet")) ParquetFiles.Write(_folder.File(name), documents, rowsPerGroup: 16);
            else File.WriteAllLines(_folder.File(name), documents.Select(d => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?> { ["text"] = d })));
        }
        string[] command = ["encode", "--encoding", "cl100k_base", "--input", _folder.File("train-*"), "--column", "text", "--quiet"];
        string single = _folder.File("single"), sharded = _folder.File("sharded");
        var run = CliRunner.RunBuiltIn([.. command, "--output-tokens", single]);
        Assert.True(run.ExitCode == 0, run.Stderr);

        var environments = new Dictionary<string, string>[]
        {
            [],
            new() { ["JOB_COMPLETION_INDEX"] = "1" },
            new() { ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_ARRAY_TASK_MIN"] = "1" },
        };
        string[][] extra = [["--shard-index", "0"], [], []];
        var processes = Enumerable.Range(0, 3).Select(task => Start([.. command, "--output-tokens", sharded, "--shard-count", "3", .. extra[task]], environments[task])).ToList();
        foreach (var (process, output) in processes)
        {
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, output.ToString());
        }

        string[] shards = Directory.GetFiles(single, "*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(7, shards.Length);
        Assert.Equal(shards, Directory.GetFiles(sharded, "*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string shard in shards)
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, shard)), File.ReadAllBytes(Path.Combine(sharded, shard)));
        Assert.Equal(["manifest-0-of-3.json", "manifest-1-of-3.json", "manifest-2-of-3.json"],
            Directory.GetFiles(sharded, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var verified = CliRunner.RunBuiltIn("verify", sharded);
        Assert.True(verified.ExitCode == 0, verified.Stderr);
        Assert.StartsWith("verified 7 shard(s)", verified.Stdout);
    }

    [Theory]
    [InlineData("--shard-count 2 --shard-index 2", "the shard index 2 is not in [0, 2)")]
    [InlineData("--shard-index 1", "--shard-index goes with --shard-count")]
    [InlineData("--shard-count 2", "--shard-count needs --shard-index, or JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm) in the environment")]
    public void ShardOptionsAreChecked(string options, string error)
    {
        ParquetFiles.Write(_folder.File("a.parquet"), ["x"], rowsPerGroup: 1);
        var run = CliRunner.RunBuiltIn(["encode", "-e", "gpt2", "-i", _folder.File("a.parquet"), "--column", "text", "--output-tokens", _folder.File("out"), .. options.Split(' ')]);
        Assert.Equal((2, $"tokenizers: error: {error}\n"), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public void StandardInputIsNotADataset()
    {
        var run = CliRunner.RunBuiltIn("encode", "-e", "gpt2", "--jsonl", "-", "--column", "text", "--output-tokens", _folder.File("out"));
        Assert.Equal((2, "tokenizers: error: --column reads files (a shard each, resumable), not standard input\n"), (run.ExitCode, run.Stderr));
    }

    private static (Process Process, System.Text.StringBuilder Output) Start(string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(s_cli);
        foreach (string arg in args) info.ArgumentList.Add(arg);
        // Only the engine's variable: none inherited from whatever runs the tests.
        foreach (string name in new[] { "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN" }) info.Environment.Remove(name);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var output = new System.Text.StringBuilder();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }
}
