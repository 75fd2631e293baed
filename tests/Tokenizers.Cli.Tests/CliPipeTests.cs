using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Tokenizers.OpenAI;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// The CLI started as a process and fed through real pipes: standard input by <c>-</c> and <c>/dev/stdin</c>, a shell
/// pipe, process substitution. A pipe is read once, so nothing may be lost to a check that reads it first; invalid
/// UTF-8 in a pipe fails at the bad byte, after the ids before it.
/// </summary>
public class CliPipeTests
{
    private static readonly string s_cli = Path.Combine(AppContext.BaseDirectory, "Tokenizers.Cli.dll");

    private static (int ExitCode, string Stdout, string Stderr) Run(byte[] stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(s_cli);
        foreach (string arg in args) info.ArgumentList.Add(arg);
        return Start(info, stdin);
    }

    /// <summary>Runs <paramref name="script"/> in bash, with <c>$CLI</c> the tool's command.</summary>
    private static (int ExitCode, string Stdout, string Stderr) Bash(string script, string workingDirectory)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["CLI"] = $"dotnet {s_cli}";
        return Start(info, []);
    }

    private static (int, string, string) Start(ProcessStartInfo info, byte[] stdin)
    {
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task write = Task.Run(() =>
        {
            try
            {
                process.StandardInput.BaseStream.Write(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The process stopped reading (it failed): what it printed says why.
            }
        });
        process.WaitForExit();
        write.Wait();
        return (process.ExitCode, stdout.Result, WithoutProgress(stderr.Result));
    }

    /// <summary>Stderr without the progress lines a slow run prints once a second.</summary>
    private static string WithoutProgress(string stderr) =>
        string.Concat(stderr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("encode: ") && !l.StartsWith("count: ")).Select(l => l + "\n"));

    private static string Text(int bytes)
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < bytes; i++) text.Append($"Line {i}: naïve café, 東京 😀 {i * 7919 % 1000}\n");
        return text.ToString();
    }

    private static string Ids(IEnumerable<int> ids) => string.Join(' ', ids) + "\n";

    [Theory]
    [InlineData("-")]
    [InlineData("/dev/stdin")]
    public void EncodeCountAndDecodeReadStdin(string path)
    {
        Assert.SkipUnless(path == "-" || File.Exists("/dev/stdin"), "needs /dev/stdin");
        var gpt2 = OpenAIEncodings.Get("gpt2");
        Assert.Equal((0, Ids(gpt2.EncodeToIds("hello world\n")), ""), Run("hello world\n"u8.ToArray(), "encode", "-e", "gpt2", "-i", path));
        Assert.Equal((0, "3\n", ""), Run("hello world\n"u8.ToArray(), "count", "-e", "gpt2", "-i", path));
        Assert.Equal((0, "hello world", ""), Run("31373 995"u8.ToArray(), "decode", "-e", "gpt2", "-i", path));
        Assert.Equal((0, "[31373]\n[995]\n", ""), Run("{\"text\":\"hello\"}\n{\"text\":\" world\"}\n"u8.ToArray(), "encode", "-e", "gpt2", "--jsonl", path));
        // The whole-text path too (--add-special-tokens reads the input whole).
        Assert.Equal((0, Ids(gpt2.EncodeToIds("hello world\n")), ""), Run("hello world\n"u8.ToArray(), "encode", "-e", "gpt2", "-i", path, "--add-special-tokens"));
    }

    /// <summary>3 MB through a pipe: every id, as encoding the text in one piece gives them.</summary>
    [Fact]
    public void ALargePipeLosesNothing()
    {
        string text = Text(3_000_000);
        var cl100k = OpenAIEncodings.Get("cl100k_base");
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal((0, Ids(cl100k.EncodeToIds(text)), ""), Run(bytes, "encode", "-e", "cl100k_base", "-i", "-"));
        Assert.Equal((0, $"{cl100k.CountTokens(text)}\n", ""), Run(bytes, "count", "-e", "cl100k_base", "-i", "-"));
    }

    /// <summary>A shell pipe into /dev/stdin and process substitution, as a user types them; a BOM in the pipe is dropped.</summary>
    [Fact]
    public void ShellPipesAndProcessSubstitution()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "bash and /dev/stdin");
        using var temp = new TempFolder();
        string text = Text(200_000);
        File.WriteAllText(temp.File("in.txt"), text, new UTF8Encoding(true));
        File.WriteAllText(temp.File("in.jsonl"), "{\"text\":\"hello\"}\n", new UTF8Encoding(true));
        var gpt2 = OpenAIEncodings.Get("gpt2");
        Assert.Equal((0, Ids(gpt2.EncodeToIds(text)), ""), Bash("cat in.txt | $CLI encode -e gpt2 -i /dev/stdin", temp.Path));
        Assert.Equal((0, $"{gpt2.CountTokens(text)}\n", ""), Bash("$CLI count -e gpt2 -i <(cat in.txt)", temp.Path));
        Assert.Equal((0, "[31373]\n", ""), Bash("$CLI encode -e gpt2 --jsonl <(cat in.jsonl)", temp.Path));
    }

    /// <summary>
    /// A bad byte 1 MB into a pipe: exit code 2, the ids before it (a prefix of the valid text's ids, ended by a line
    /// break) on stdout, and the error with the byte's offset (counting the BOM) on stderr.
    /// </summary>
    [Fact]
    public void InvalidUtf8InAPipeFailsAtTheBadByteAfterTheIdsBeforeIt()
    {
        string valid = Text(1_000_000);
        byte[] prefix = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)];
        byte[] bytes = [.. prefix, 0xFF, .. "more text\n"u8];
        var (exitCode, stdout, stderr) = Run(bytes, "encode", "-e", "gpt2", "-i", "-");
        Assert.Equal(2, exitCode);
        Assert.Equal($"tokenizers: error: stdin: invalid UTF-8 at byte {prefix.Length}; input files must be UTF-8\n", stderr);
        Assert.EndsWith("\n", stdout);
        int[] printed = stdout.TrimEnd('\n').Split(' ').Select(int.Parse).ToArray();
        IReadOnlyList<int> all = OpenAIEncodings.Get("gpt2").EncodeToIds(valid);
        Assert.InRange(printed.Length, 1, all.Count);
        Assert.Equal(all.Take(printed.Length), printed);

        // JSON Lines: the lines before the bad one are printed.
        byte[] lines = [.. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"text\":\"hello\"}\n", 10_000))), 0xC0, (byte)'\n'];
        (exitCode, stdout, stderr) = Run(lines, "encode", "-e", "gpt2", "--jsonl", "-");
        Assert.Equal(2, exitCode);
        Assert.Equal($"tokenizers: error: stdin: invalid UTF-8 at byte {lines.Length - 2}; input files must be UTF-8\n", stderr);
        Assert.StartsWith("[31373]\n[31373]\n", stdout);
        Assert.All(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Equal("[31373]", line));
    }
}
