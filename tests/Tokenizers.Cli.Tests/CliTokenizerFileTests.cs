using Tokenizers.OpenAI;

namespace Tokenizers.Cli.Tests;

/// <summary>
/// Issue 9 §4 and §8: encode, decode and count take <c>--tokenizer FILE</c> (with <c>--merges</c>, <c>--pattern</c>,
/// <c>--special</c>, <c>--unknown-token</c>) instead of <c>--encoding NAME</c>, so train's output and vocab/'s files run
/// directly; a malformed file is one error line (the generator's message) and exit code 2.
/// </summary>
public class CliTokenizerFileTests
{
    private const string Text = "It's the last he painted, you know,\" Mrs. Gisburn said<|endoftext|> with pardonable pride. 😀 12345";

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => CliRunner.RunBuiltIn(args);

    private static string Ids(IEnumerable<int> ids) => string.Join(' ', ids) + "\n";

    private static void AssertOneLineError((int ExitCode, string Stdout, string Stderr) run, string message)
    {
        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Equal($"tokenizers: error: {message}\n", run.Stderr);
    }

    private static string TrainCorpus(TempFolder temp)
    {
        string corpus = temp.File("corpus.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat("It's the last he painted, you know, Mrs. Gisburn said with pardonable pride. ", 30)));
        return corpus;
    }

    [Fact]
    public void TrainsBpeOutputEncodesDecodesAndCountsDirectly()
    {
        using var temp = new TempFolder();
        string folder = temp.File("bpe");
        Assert.Equal(0, Run("train", "--model", "bpe", "--vocab-size", "300", "--special", "<|endoftext|>", "-o", folder, TrainCorpus(temp)).ExitCode);
        string vocab = Path.Combine(folder, "vocab.json"), merges = Path.Combine(folder, "merges.txt");
        var expected = TokenizerFile.Load(vocab, merges).EncodeToIds(Text, SpecialTokenPolicy.All);
        Assert.Equal((0, Ids(expected), ""), Run("encode", "--tokenizer", vocab, "--merges", merges, "--text", Text, "--allow-special"));
        Assert.Equal((0, $"{expected.Count}\n", ""), Run("count", "--tokenizer", vocab, "--merges", merges, "--text", Text, "--allow-special"));
        Assert.Equal((0, Text, ""), Run("decode", "--tokenizer", vocab, "--merges", merges, "--ids", string.Join(' ', expected)));
        // The trained vocabulary has no ids in merge order beyond its bytes, and encodes "painted" in few tokens.
        Assert.True(expected.Count < System.Text.Encoding.UTF8.GetByteCount(Text) / 2, $"{expected.Count} tokens");
    }

    [Fact]
    public void TrainsWordListEncodesWithItsUnknownToken()
    {
        using var temp = new TempFolder();
        string folder = temp.File("words");
        Assert.Equal(0, Run("train", "--model", "word", "--special", "<|unk|>", "-o", folder, TrainCorpus(temp)).ExitCode);
        string words = Path.Combine(folder, "words.txt");
        var loaded = TokenizerFile.Load(words, new TokenizerFileOptions { UnknownToken = "<|unk|>" });
        var (exitCode, stdout, stderr) = Run("encode", "--tokenizer", words, "--unknown-token", "<|unk|>", "--text", "It's the teapot.");
        Assert.Equal((0, Ids(loaded.EncodeToIds("It's the teapot.")), ""), (exitCode, stdout, stderr));
        Assert.Equal((0, "It' s the <|unk|>.", ""), Run("decode", "--tokenizer", words, "--ids", stdout));
        // Without --unknown-token an unknown word is an error, as for the generated V1 tokenizer.
        AssertOneLineError(Run("encode", "--tokenizer", words, "--text", "teapot"),
            "The word 'teapot' at character 0 is not in the vocabulary, and the tokenizer has no unknown token.");
    }

    [Fact]
    public void Gpt2FilesGiveTheBuiltInIds()
    {
        string vocab = Path.Combine(RepoPaths.Gpt2Vocab, "vocab.json"), merges = Path.Combine(RepoPaths.Gpt2Vocab, "merges.txt");
        var builtIn = Run("encode", "--encoding", "gpt2", "--text", Text, "--allow-special");
        Assert.Equal(Ids(OpenAIEncodings.Get("gpt2").EncodeToIds(Text, SpecialTokenPolicy.All)), builtIn.Stdout);
        Assert.Equal(builtIn, Run("encode", "--tokenizer", vocab, "--merges", merges, "--text", Text, "--allow-special"));
        Assert.Equal(Run("count", "-e", "gpt2", "-t", Text), Run("count", "--tokenizer", vocab, "--merges", merges, "-t", Text));
    }

    [Fact]
    public void TiktokenFileTakesPatternAndSpecialTokens()
    {
        string ranks = Path.Combine(RepoPaths.Root, "vocab", "cl100k_base", "cl100k_base.tiktoken");
        var builtIn = Run("encode", "--encoding", "cl100k_base", "--text", Text, "--allow-special");
        Assert.Equal(builtIn, Run("encode", "--tokenizer", ranks, "--pattern", "cl100k", "--special", "<|endoftext|>=100257", "--text", Text, "--allow-special"));
        // GPT-2's pre-tokenizer by default, as for the attribute: other pieces, other ids.
        Assert.NotEqual(builtIn.Stdout, Run("encode", "--tokenizer", ranks, "--text", "12345 don't").Stdout);
    }

    [Fact]
    public void AddSpecialTokensChangesNothingForTokenizersWithoutAPostProcessor()
    {
        Assert.Equal(Run("encode", "-e", "gpt2", "-t", Text), Run("encode", "-e", "gpt2", "-t", Text, "--add-special-tokens"));
        Assert.Equal(Run("count", "-e", "gpt2", "-t", Text), Run("count", "-e", "gpt2", "-t", Text, "--add-special-tokens"));
    }

    [Fact]
    public void MalformedFilesAreOneLineWithTheGeneratorsMessage()
    {
        using var temp = new TempFolder();
        string vocab = temp.File("vocab.json"), merges = temp.File("merges.txt"), ranks = temp.File("r.tiktoken");
        File.WriteAllText(vocab, "{\n  \"a\": 0,\n  \"b\" 1\n}");
        File.WriteAllText(merges, "#version: 0.2\na b\n");
        AssertOneLineError(Run("encode", "--tokenizer", vocab, "--merges", merges, "--text", "ab"), "vocab.json(3,7): expected ':' after a key, found '1'");
        File.WriteAllText(ranks, "IQ== 0\nIg== zero\n");
        AssertOneLineError(Run("count", "--tokenizer", ranks, "--text", "ab"), "r.tiktoken(2,6): rank 'zero' is not a non-negative 32-bit integer");
        File.WriteAllText(ranks, "\n\n");
        AssertOneLineError(Run("decode", "--tokenizer", ranks, "--ids", "1"), "r.tiktoken: the file holds only white space");
        AssertOneLineError(Run("encode", "--tokenizer", Path.Combine(RepoPaths.Gpt2Vocab, "vocab.json"), "--text", "ab"),
            $"'{Path.Combine(RepoPaths.Gpt2Vocab, "vocab.json")}' is not a supported vocabulary: vocab.json needs a merges file as the second argument (a Hugging Face tokenizer.json takes one argument)");
    }

    [Fact]
    public void AMalformedTokenizerJsonIsOneLineAndExitCode2()
    {
        using var temp = new TempFolder();
        string json = temp.File("tokenizer.json");
        File.WriteAllText(json, "{\n  \"model\": [1, 2,\n");
        var (exitCode, stdout, stderr) = Run("encode", "--tokenizer", json, "--text", "ab");
        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.StartsWith("tokenizers: error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("encode --encoding gpt2 --tokenizer x.tiktoken --text a", "give exactly one of --encoding, --tokenizer")]
    [InlineData("count --text a", "give exactly one of --encoding, --tokenizer")]
    [InlineData("decode --ids 1", "give exactly one of --encoding, --tokenizer")]
    [InlineData("encode --encoding gpt2 --merges m.txt --text a", "--merges goes with --tokenizer, not --encoding")]
    [InlineData("count --encoding gpt2 --pattern cl100k --text a", "--pattern goes with --tokenizer, not --encoding")]
    public void TokenizerOptionsAreChecked(string args, string message) => AssertOneLineError(Run(args.Split(' ')), message);

    [Fact]
    public void BadOptionsAndMissingFilesAreOneLine()
    {
        string ranks = Path.Combine(RepoPaths.Root, "vocab", "r50k_base", "r50k_base.tiktoken");
        AssertOneLineError(Run("encode", "--tokenizer", ranks, "--pattern", "nope", "--text", "a"),
            "Pattern 'nope' is not valid: BPE vocabularies take gpt2, r50k, p50k, cl100k, o200k or none");
        AssertOneLineError(Run("encode", "--tokenizer", ranks, "--special", "<|endoftext|>", "--text", "a"),
            "Special token '<|endoftext|>': expected \"text=id\" with non-empty text and a non-negative 32-bit id");
        using var temp = new TempFolder();
        AssertOneLineError(Run("encode", "--tokenizer", temp.File("none.tiktoken"), "--text", "a"), $"file not found: {temp.File("none.tiktoken")}");
        AssertOneLineError(Run("encode", "--tokenizer", Path.Combine(RepoPaths.Gpt2Vocab, "vocab.json"), "--merges", temp.File("m.txt"), "--text", "a"),
            $"file not found: {temp.File("m.txt")}");
    }

    [Fact]
    public void HelpNamesTheTokenizerOptions()
    {
        foreach (string command in new[] { "encode", "decode", "count" })
        {
            string help = Run(command, "--help").Stdout;
            foreach (string option in new[] { "--encoding", "--tokenizer", "--merges", "--pattern", "--special", "--unknown-token" })
                Assert.Contains(option, help, StringComparison.Ordinal);
        }
        Assert.Contains("--add-special-tokens", Run("encode", "--help").Stdout, StringComparison.Ordinal);
    }

    private static readonly string TinyTokenizerJson = Path.Combine(RepoPaths.Root, "tests", "Tokenizers.Tests", "Fixtures", "tiny-tokenizer.json");

    /// <summary>Expected ids from Hugging Face tokenizers 0.22.2 (see tests/Tokenizers.Tests/Loading/TokenizerJsonLoaderTests.cs).</summary>
    [Fact]
    public void TokenizerJsonWithAddSpecialTokens()
    {
        const string text = "the winter in the north <s>worker";
        const string ids = "116 257 261 260 116 262 32 260 258 32 110 263 116 104 32 265 119 263 107 262";
        Assert.Equal((0, ids + "\n", ""), Run("encode", "--tokenizer", TinyTokenizerJson, "--text", text, "--allow-special"));
        Assert.Equal((0, "265 " + ids + "\n", ""), Run("encode", "--tokenizer", TinyTokenizerJson, "--text", text, "--allow-special", "--add-special-tokens"));
        Assert.Equal((0, "21\n", ""), Run("count", "--tokenizer", TinyTokenizerJson, "--text", text, "--allow-special", "--add-special-tokens"));
        Assert.Equal((0, text, ""), Run("decode", "--tokenizer", TinyTokenizerJson, "--ids", ids));
    }
}
