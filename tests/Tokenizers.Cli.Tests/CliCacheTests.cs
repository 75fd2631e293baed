using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Tokenizers.Cli.Commands;
using Tokenizers.Tests;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Issue 9 §6 as users run it: <c>--tokenizer tokenizer.json</c> keeps the compiled tables in <c>$TOKENIZERS_CACHE</c>,
/// else <c>$XDG_CACHE_HOME/tokenizers</c>, else <c>~/.cache/tokenizers</c>, so a second process reads them instead of
/// compiling; <c>--no-cache</c> keeps nothing; a cache that cannot be written is no error. The CLI runs as its own
/// process here, with the environment each test gives it.
/// </summary>
public class CliCacheTests
{
    private static readonly string s_cli = Path.Combine(AppContext.BaseDirectory, "Tokenizers.Cli.dll");
    private static readonly string Tiny = Path.Combine(SharedData.RepoRoot, "tests", "Tokenizers.Tests", "Fixtures", "tiny-tokenizer.json");
    private const string Text = "It's the last he painted, you know,\" Mrs. Gisburn said with pardonable pride. Привет 😀 12345";

    private static string[] CacheVariables => ["TOKENIZERS_CACHE", "XDG_CACHE_HOME", "HOME"];

    /// <summary>Runs the CLI with <paramref name="environment"/> in place of the cache variables (unset when not given).</summary>
    private static (int ExitCode, string Stdout, string Stderr) Run(Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(s_cli);
        foreach (string arg in args) info.ArgumentList.Add(arg);
        foreach (string name in CacheVariables) info.Environment.Remove(name);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(info)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    private static string Ids(IEnumerable<int> ids) => string.Join(' ', ids) + "\n";

    private static string[] Files(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public void TheCacheDirectoryIsTokenizersCacheElseXdgElseHome()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string? Of(params (string Name, string Value)[] variables)
            => TokenizerOptions.CacheDirectory(name => variables.FirstOrDefault(v => v.Name == name).Value);

        Assert.Equal("/c", Of(("TOKENIZERS_CACHE", "/c"), ("XDG_CACHE_HOME", "/x")));
        Assert.Equal(Path.Combine("/x", "tokenizers"), Of(("TOKENIZERS_CACHE", ""), ("XDG_CACHE_HOME", "/x")));
        // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
        Assert.Equal(Path.Combine(home, ".cache", "tokenizers"), Of(("XDG_CACHE_HOME", "relative")));
        Assert.Equal(Path.Combine(home, ".cache", "tokenizers"), Of());
    }

    [Fact]
    public void AFirstRunFillsTheCacheAndASecondReadsItWithTheSameIds()
    {
        using var temp = new TempFolder();
        string cache = temp.File("cache"), model = HuggingFaceModels.TokenizerJson("llama3");
        var environment = new Dictionary<string, string> { ["TOKENIZERS_CACHE"] = cache };
        string expected = Ids(TokenizerFile.Load(model).EncodeToIds(Text));

        Assert.Equal((0, expected, ""), Run(environment, "encode", "--tokenizer", model, "--text", Text));
        string entry = Assert.Single(Files(cache));
        DateTime written = File.GetLastWriteTimeUtc(entry);
        Assert.Equal((0, expected, ""), Run(environment, "encode", "--tokenizer", model, "--text", Text));
        Assert.Equal((0, $"{expected.Split(' ').Length}\n", ""), Run(environment, "count", "--tokenizer", model, "--text", Text));
        // The later runs read the entry and left it as it was.
        Assert.Equal([entry], Files(cache));
        Assert.Equal(written, File.GetLastWriteTimeUtc(entry));
    }

    [Fact]
    public void VocabJsonWithMergesIsCachedTooUnderItsOptions()
    {
        using var temp = new TempFolder();
        string cache = temp.File("cache"), gpt2 = Path.Combine(SharedData.RepoRoot, "vocab", "gpt2");
        string vocab = Path.Combine(gpt2, "vocab.json"), merges = Path.Combine(gpt2, "merges.txt");
        var environment = new Dictionary<string, string> { ["TOKENIZERS_CACHE"] = cache };
        string[] args = ["encode", "--tokenizer", vocab, "--merges", merges, "--text", Text + "<|endoftext|>", "--allow-special"];
        var options = new TokenizerFileOptions { SpecialTokens = ["<|endoftext|>=50256"] };
        string expected = Ids(TokenizerFile.Load(vocab, merges, options).EncodeToIds(Text + "<|endoftext|>", SpecialTokenPolicy.All));

        Assert.Equal((0, expected, ""), Run(environment, [.. args, "--special", "<|endoftext|>=50256"]));
        Assert.Equal((0, expected, ""), Run(environment, [.. args, "--special", "<|endoftext|>=50256"]));
        Assert.Single(Files(cache));
        // Other options, another entry.
        Assert.Equal((0, Ids(TokenizerFile.Load(vocab, merges).EncodeToIds(Text + "<|endoftext|>", SpecialTokenPolicy.All)), ""), Run(environment, args));
        Assert.Equal(2, Files(cache).Length);
    }

    [Fact]
    public void NoCacheCompilesAndKeepsNothing()
    {
        using var temp = new TempFolder();
        string cache = temp.File("cache");
        var environment = new Dictionary<string, string> { ["TOKENIZERS_CACHE"] = cache };
        string expected = Ids(TokenizerFile.Load(Tiny).EncodeToIds(Text));
        Assert.Equal((0, expected, ""), Run(environment, "encode", "--tokenizer", Tiny, "--text", Text, "--no-cache"));
        Assert.False(Directory.Exists(cache));
        Assert.Equal((0, expected, ""), Run(environment, "encode", "--tokenizer", Tiny, "--text", Text));
        Assert.Single(Files(cache));
    }

    [Fact]
    public void WithoutTokenizersCacheTheEntryGoesUnderXdgCacheHomeElseHome()
    {
        using var temp = new TempFolder();
        string xdg = temp.File("xdg"), home = temp.File("home");
        Directory.CreateDirectory(home);
        Assert.Equal(0, Run(new() { ["XDG_CACHE_HOME"] = xdg, ["HOME"] = home }, "count", "--tokenizer", Tiny, "--text", Text).ExitCode);
        Assert.Single(Files(Path.Combine(xdg, "tokenizers")));
        Assert.Empty(Files(home));
        Assert.Equal(0, Run(new() { ["HOME"] = home }, "count", "--tokenizer", Tiny, "--text", Text).ExitCode);
        Assert.Single(Files(Path.Combine(home, ".cache", "tokenizers")));
    }

    [Fact]
    public void ACacheThatCannotBeWrittenIsNoError()
    {
        using var temp = new TempFolder();
        string file = temp.File("not-a-directory");
        File.WriteAllText(file, "");
        string expected = Ids(TokenizerFile.Load(Tiny).EncodeToIds(Text));
        Assert.Equal((0, expected, ""), Run(new() { ["TOKENIZERS_CACHE"] = file }, "encode", "--tokenizer", Tiny, "--text", Text));
        Assert.Equal((0, expected, ""), Run(new() { ["TOKENIZERS_CACHE"] = Path.Combine(file, "cache") }, "encode", "--tokenizer", Tiny, "--text", Text));
        Assert.Equal("", File.ReadAllText(file));
    }

    [Fact]
    public void NoCacheGoesWithTokenizerAndHelpSaysWhereTheCacheIs()
    {
        Assert.Equal((2, "", "tokenizers: error: --no-cache goes with --tokenizer, not --encoding\n"),
            CliRunner.RunBuiltIn("count", "--encoding", "gpt2", "--text", "hi", "--no-cache"));
        var (exitCode, help, _) = CliRunner.RunBuiltIn("count", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--no-cache", help, StringComparison.Ordinal);
        Assert.Contains("$TOKENIZERS_CACHE, else $XDG_CACHE_HOME/tokenizers, else ~/.cache/tokenizers", System.Text.RegularExpressions.Regex.Replace(help, @"\s+", " "), StringComparison.Ordinal);
    }
}
