using System.Text;
using Tokenizers.Data;
using Tokenizers.OpenAI;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Bad input files: missing, a directory, unreadable, not UTF-8. Each is one line on stderr and exit code 2, from
/// every command that reads a file, through both the streaming path (compiled encodings) and the whole-file path.
/// Invalid UTF-8 is refused with the offset of its first bad byte, never replaced.
/// </summary>
public class CliBadInputTests
{
    private static (int ExitCode, string Stdout, string Stderr) RunBuiltIn(params string[] args) => CliRunner.RunBuiltIn(args);

    /// <summary>Every way of reading a file, with the built-in gpt2 (streams) and the test's byte tokenizer (reads whole).</summary>
    private static IEnumerable<Func<string, (int, string, string)>> Readers(string tokens)
    {
        foreach (var (run, encoding) in new (Func<string[], (int, string, string)>, string)[] { (RunBuiltIn, "gpt2"), (CliRunner.Run, "bytes") })
        {
            yield return path => run(["encode", "-e", encoding, "--input", path]);
            yield return path => run(["encode", "-e", encoding, "--input", path, "--output-tokens", tokens]);
            yield return path => run(["encode", "-e", encoding, "--jsonl", path]);
            yield return path => run(["count", "-e", encoding, "--input", path]);
            yield return path => run(["decode", "-e", encoding, "--input", path]);
        }
    }

    private static void AssertOneLineError((int ExitCode, string Stdout, string Stderr) result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Matches(@"\Atokenizers: error: [^\n]+\n\z", result.Stderr);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public void MissingFile()
    {
        using var temp = new TempFolder();
        string missing = temp.File("no-such-file.txt");
        foreach (var read in Readers(temp.File("out.bin"))) AssertOneLineError(read(missing), $"file not found: {missing}");
        Assert.False(File.Exists(temp.File("out.bin")));
    }

    [Fact]
    public void DirectoryInsteadOfAFile()
    {
        using var temp = new TempFolder();
        foreach (var read in Readers(temp.File("out.bin"))) AssertOneLineError(read(temp.Path), $"{temp.Path} is a directory, not a file");
    }

    /// <summary>A file that opens but fails to read (/proc/self/mem at offset 0 gives EIO on Linux).</summary>
    [Fact]
    public void FileThatCannotBeRead()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/proc/self/mem"), "needs Linux's /proc/self/mem");
        using var temp = new TempFolder();
        foreach (var read in Readers(temp.File("out.bin"))) AssertOneLineError(read("/proc/self/mem"), "cannot read /proc/self/mem: ");
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    /// <summary>Permission denied (root reads everything, so this runs only as an ordinary user).</summary>
    [Fact]
    public void FileWithoutReadPermission()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("POSIX permissions");
        using var temp = new TempFolder();
        string path = temp.File("secret.txt");
        File.WriteAllText(path, "hello");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.None);
        bool readable;
        try
        {
            File.ReadAllBytes(path);
            readable = true;
        }
        catch (UnauthorizedAccessException)
        {
            readable = false;
        }
        Assert.SkipWhen(readable, "running as root: permissions do not stop reading");
        foreach (var read in Readers(temp.File("out.bin"))) AssertOneLineError(read(path), $"cannot read {path}: permission denied");
    }

    public static TheoryData<int, int> InvalidPositions => new()
    {
        { 10, 0 }, { 10, 5 }, { 200_000, 65_535 }, { 200_000, 65_536 }, { 200_000, 131_071 }, { 300_000, 299_999 },
    };

    /// <summary>A stray byte anywhere, including across the 64 KiB blocks files are read in: refused with its offset.</summary>
    [Theory]
    [MemberData(nameof(InvalidPositions))]
    public void InvalidUtf8IsRefusedWithTheByteOffset(int length, int at)
    {
        using var temp = new TempFolder();
        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"text\":\"a é\"}\n", length / 16 + 1)))[..length];
        // Keep the file valid up to the stray byte, and the bytes before it whole characters.
        bytes[at] = 0xFF;
        Assert.Equal(at, FirstInvalid(bytes));
        string path = temp.File("bad.txt");
        File.WriteAllBytes(path, bytes);
        foreach (var read in Readers(temp.File("out.bin"))) AssertOneLineError(read(path), $"{path}: invalid UTF-8 at byte {at}; input files must be UTF-8");
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f != path);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xE2, 0x82 }, 1)]             // truncated at the end
    [InlineData(new byte[] { (byte)'a', 0xC0, 0xAF, (byte)'b' }, 1)]  // overlong
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]                  // an encoded surrogate
    [InlineData(new byte[] { (byte)'x', 0x80 }, 1)]                   // a lone continuation byte
    public void EveryKindOfInvalidUtf8(byte[] bytes, int at)
    {
        using var temp = new TempFolder();
        string path = temp.File("bad.txt");
        File.WriteAllBytes(path, bytes);
        foreach (var read in Readers(temp.File("out.bin"))) AssertOneLineError(read(path), $"invalid UTF-8 at byte {at}");
    }

    private static long FirstInvalid(byte[] bytes)
    {
        try
        {
            new UTF8Encoding(false, true).GetString(bytes);
            return -1;
        }
        catch (DecoderFallbackException e)
        {
            return e.Index;
        }
    }

    [Fact]
    public void HelpSaysHowInvalidUtf8StdinAndTheBomAreTreated()
    {
        foreach (string command in new[] { "encode", "count", "decode" })
        {
            string help = RunBuiltIn(command, "--help").Stdout;
            Assert.Contains("invalid UTF-8 is refused", help);
            Assert.Contains("'-' reads stdin", help);
            Assert.Contains("a UTF-8 byte-order mark at the start is dropped", help);
        }
    }

    /// <summary>A BOM is dropped by every way of reading a file, and a bad byte's offset still counts it.</summary>
    [Fact]
    public void ALeadingBomIsDroppedAndOffsetsCountIt()
    {
        using var temp = new TempFolder();
        string path = temp.File("bom.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "{\"text\":\"hi\"}"u8]);
        var gpt2 = OpenAIEncodings.Get("gpt2");
        Assert.Equal(string.Join(' ', gpt2.EncodeToIds("{\"text\":\"hi\"}")) + "\n", RunBuiltIn("encode", "-e", "gpt2", "-i", path).Stdout);
        Assert.Equal($"{gpt2.CountTokens("{\"text\":\"hi\"}")}\n", RunBuiltIn("count", "-e", "gpt2", "-i", path).Stdout);
        Assert.Equal("[104,105]\n", CliRunner.Run("encode", "-e", "bytes", "--jsonl", path).Stdout);
        Assert.Equal("104 105 10\n", CliRunner.Run("encode", "-e", "bytes", "-i", WriteBytes(temp.File("b2.txt"), [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', (byte)'\n'])).Stdout);
        File.WriteAllBytes(temp.File("ids.txt"), [0xEF, 0xBB, 0xBF, (byte)'9', (byte)'7']);
        Assert.Equal("a", CliRunner.Run("decode", "-e", "bytes", "-i", temp.File("ids.txt")).Stdout);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, (byte)'o', (byte)'k', 0xFF]);
        foreach (var read in Readers(temp.File("out.bin"))) AssertOneLineError(read(path), $"{path}: invalid UTF-8 at byte 5;");
    }

    private static string WriteBytes(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("gpt2", TokenFileWidth.UInt16)]
    [InlineData("r50k_base", TokenFileWidth.UInt16)]
    [InlineData("cl100k_base", TokenFileWidth.UInt32)]
    [InlineData("o200k_base", TokenFileWidth.UInt32)]
    public void OutputTokensWritesTheTokenFile(string encoding, TokenFileWidth width)
    {
        using var temp = new TempFolder();
        string text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"Line {i}: naïve café, 東京 😀 <|endoftext|>\n"));
        File.WriteAllText(temp.File("corpus.txt"), text);
        string tokens = temp.File("sub/corpus.bin");
        var (exitCode, stdout, stderr) = RunBuiltIn("encode", "-e", encoding, "-i", temp.File("corpus.txt"), "--output-tokens", tokens);
        Assert.Equal((0, ""), (exitCode, stderr));
        IReadOnlyList<int> expected = OpenAIEncodings.Get(encoding).EncodeToIds(text);
        Assert.Equal(expected, TokenFile.ReadAll(tokens, width));
        Assert.Equal(expected.Count * (int)width, new FileInfo(tokens).Length);
        Assert.StartsWith($"wrote {tokens}: {expected.Count:N0} tokens, {(width == TokenFileWidth.UInt16 ? "uint16" : "uint32")}", stdout);

        // --allow-special, and --text, and replacing the file.
        Assert.Equal(0, RunBuiltIn("encode", "-e", encoding, "-t", text, "--allow-special", "--output-tokens", tokens).ExitCode);
        Assert.Equal(OpenAIEncodings.Get(encoding).EncodeToIds(text, SpecialTokenPolicy.All), TokenFile.ReadAll(tokens, width));
        Assert.Equal([tokens], Directory.GetFiles(temp.File("sub")));
    }

    [Fact]
    public void OutputTokensKeepsTheOldFileWhenTheInputIsBad()
    {
        using var temp = new TempFolder();
        string tokens = temp.File("out.bin");
        File.WriteAllBytes(tokens, [1, 0, 2, 0]);
        File.WriteAllBytes(temp.File("bad.txt"), [(byte)'o', (byte)'k', (byte)' ', 0xFE]);
        AssertOneLineError(RunBuiltIn("encode", "-e", "gpt2", "-i", temp.File("bad.txt"), "--output-tokens", tokens), "invalid UTF-8 at byte 3");
        Assert.Equal(new byte[] { 1, 0, 2, 0 }, File.ReadAllBytes(tokens));
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public void OutputTokensRefusesJsonLinesAndDirectories()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.jsonl"), "{\"text\":\"a\"}\n");
        AssertOneLineError(RunBuiltIn("encode", "-e", "gpt2", "--jsonl", temp.File("in.jsonl"), "--output-tokens", temp.File("x.bin")), "--output-tokens takes --input or --text");
        AssertOneLineError(RunBuiltIn("encode", "-e", "gpt2", "--text", "a", "--output-tokens", temp.Path), "is a directory");
    }

    /// <summary>Streaming encode prints exactly the ids of encoding the whole file (written with a BOM, which is dropped).</summary>
    [Theory]
    [InlineData("gpt2")]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    public void StreamedFilesPrintTheWholeTextIds(string encoding)
    {
        using var temp = new TempFolder();
        string text = string.Concat(Enumerable.Range(0, 20_000).Select(i => i % 7 == 0 ? "  \n\n" : $"w{i}'s {i * 31 % 1000}, ünï 数 🤖 "));
        File.WriteAllText(temp.File("in.txt"), text, new UTF8Encoding(true));
        ITokenizer tokenizer = OpenAIEncodings.Get(encoding);
        Assert.Equal(string.Join(' ', tokenizer.EncodeToIds(text)) + "\n", RunBuiltIn("encode", "-e", encoding, "-i", temp.File("in.txt")).Stdout);
        Assert.Equal($"{tokenizer.CountTokens(text)}\n", RunBuiltIn("count", "-e", encoding, "-i", temp.File("in.txt")).Stdout);
    }
}
