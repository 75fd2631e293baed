using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tokenizers.Fuzz.Tests;

/// <summary>tiktoken's encoding modes, as the oracle names them.</summary>
public enum OracleMode
{
    /// <summary><c>encode_ordinary(text)</c>: special-token text is text (<see cref="SpecialTokenPolicy.None"/>).</summary>
    Ordinary,

    /// <summary><c>encode(text, allowed_special="all")</c> (<see cref="SpecialTokenPolicy.All"/>).</summary>
    All,

    /// <summary><c>encode(text)</c>: special-token text is an error (<see cref="SpecialTokenPolicy.Disallow"/>).</summary>
    Disallow,
}

/// <summary>One answer: the ids, or the error tiktoken raised.</summary>
public readonly record struct OracleResult(int[]? Ids, string? Error)
{
    public override string ToString() => Ids is not null ? "[" + string.Join(", ", Ids) + "]" : "error: " + Error;
}

/// <summary>
/// The npm package <c>tiktoken</c> 1.0.22 (tiktoken's Rust core built to WASM) in one long-lived node process,
/// fed JSON lines (<c>tests/oracle/oracle.js</c>). Installed on first use with <c>npm ci</c> beside the test assembly.
/// </summary>
public sealed class TiktokenOracle : IDisposable
{
    private static readonly Lazy<TiktokenOracle[]> s_pool = new(
        () => Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 2)).Select(_ => Start()).ToArray(),
        LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly NodeLineProcess _node;

    private TiktokenOracle(NodeLineProcess node) => _node = node;

    /// <summary>One oracle process for the whole test assembly (node and the five encodings load once).</summary>
    public static TiktokenOracle Shared => s_pool.Value[0];

    /// <summary>
    /// Answers <paramref name="requests"/> on every oracle process at once (one a core, at most two), each taking a
    /// contiguous slice. <paramref name="onAnswer"/> runs concurrently on one thread per process.
    /// </summary>
    public static void RunParallel(IReadOnlyList<OracleRequest> requests, Action<int, OracleResult[]> onAnswer)
    {
        TiktokenOracle[] pool = s_pool.Value;
        int slice = (requests.Count + pool.Length - 1) / pool.Length;
        Parallel.For(0, pool.Length, new ParallelOptions { MaxDegreeOfParallelism = pool.Length }, w =>
        {
            int from = Math.Min(requests.Count, w * slice), to = Math.Min(requests.Count, from + slice);
            var mine = new List<OracleRequest>(to - from);
            for (int i = from; i < to; i++) mine.Add(requests[i]);
            pool[w].Run(mine, (i, answers) => onAnswer(from + i, answers));
        });
    }

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "oracle");

    public static string ModeCode(OracleMode mode) => mode switch
    {
        OracleMode.Ordinary => "o",
        OracleMode.All => "a",
        _ => "d",
    };

    private static TiktokenOracle Start()
    {
        EnsureInstalled();
        return new TiktokenOracle(new NodeLineProcess("tiktoken oracle", Directory, "oracle.js"));
    }

    /// <summary>
    /// Runs <c>npm ci</c> in <see cref="Directory"/> unless node_modules already matches the committed lock file.
    /// A lock file serialises concurrent test runs that share the output folder.
    /// </summary>
    public static void EnsureInstalled()
    {
        string dir = Directory;
        string lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "package-lock.json"))));
        string stamp = Path.Combine(dir, "node_modules", ".tokenizers-lock-sha256");
        if (IsInstalled(dir, stamp, lockHash)) return;

        using FileStream installLock = AcquireLock(Path.Combine(dir, ".install.lock"));
        if (IsInstalled(dir, stamp, lockHash)) return;
        var (exitCode, output) = RunProcess("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir,
            TimeSpan.FromMinutes(5));
        if (exitCode != 0)
            throw new InvalidOperationException($"`npm ci` in {dir} failed with exit code {exitCode}; the differential tests need node and npm "
                + $"(and, the first time, access to the npm registry):\n{output}");
        File.WriteAllText(stamp, lockHash);
    }

    private static bool IsInstalled(string dir, string stamp, string lockHash) =>
        File.Exists(Path.Combine(dir, "node_modules", "tiktoken", "tiktoken_bg.wasm")) && File.Exists(stamp) && File.ReadAllText(stamp) == lockHash;

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static (int ExitCode, string Output) RunProcess(string fileName, string[] args, string dir, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, args)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{fileName} is not on PATH: {e.Message}");
        }
        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{fileName} timed out after {timeout}");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    /// <summary>Answers every query of every text, streaming: <paramref name="onAnswer"/> sees text i's answers in order while node works ahead.</summary>
    public void Run(IReadOnlyList<OracleRequest> requests, Action<int, OracleResult[]> onAnswer) =>
        _node.Exchange(requests.Count, (line, i) => AppendRequest(line, requests[i], flush: i == requests.Count - 1),
            (i, line) => onAnswer(i, ParseAnswer(line, requests[i].Queries.Count)));

    /// <summary>One text, answered at once (for shrinking).</summary>
    public OracleResult Query(string text, string encoding, OracleMode mode)
    {
        OracleResult result = default;
        var request = new OracleRequest(text, [(encoding, mode)]);
        _node.Exchange(1, (line, _) => AppendRequest(line, request, flush: true), (_, line) => result = ParseAnswer(line, 1)[0]);
        return result;
    }

    private static OracleResult[] ParseAnswer(string line, int expected)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        var results = new OracleResult[expected];
        int k = 0;
        foreach (JsonElement element in document.RootElement.EnumerateArray())
        {
            results[k++] = element.ValueKind == JsonValueKind.Array
                ? new OracleResult(element.EnumerateArray().Select(e => e.GetInt32()).ToArray(), null)
                : new OracleResult(null, element.GetProperty("error").GetString());
        }
        if (k != expected) throw new InvalidOperationException($"the oracle answered {k} queries, not {expected}");
        return results;
    }

    private static void AppendRequest(StringBuilder sb, OracleRequest request, bool flush)
    {
        sb.Append("{\"t\":");
        AppendJsonString(sb, request.Text);
        sb.Append(",\"q\":[");
        for (int i = 0; i < request.Queries.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append("[\"").Append(request.Queries[i].Encoding).Append("\",\"").Append(ModeCode(request.Queries[i].Mode)).Append("\"]");
        }
        sb.Append(']');
        if (flush) sb.Append(",\"f\":1");
        sb.Append("}\n");
    }

    /// <summary>
    /// A JSON string with every non-ASCII or control char as <c>\uXXXX</c>, so lone surrogates travel as they are
    /// (JSON.parse makes them lone surrogates again; a UTF-8 writer would have replaced them already).
    /// </summary>
    public static void AppendJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("X4"));
            else sb.Append(c);
        }
        sb.Append('"');
    }

    public void Dispose() => _node.Dispose();
}

/// <summary>A text and the (encoding, mode) pairs to answer for it.</summary>
public sealed record OracleRequest(string Text, IReadOnlyList<(string Encoding, OracleMode Mode)> Queries);
