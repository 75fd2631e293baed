namespace Tokenizers.Tests.Loading;

/// <summary>
/// Issue 9 §4: <see cref="TokenizerFile"/> loads a Hugging Face tokenizer.json through the generator's compiler. The
/// expected ids of Fixtures/tiny-tokenizer.json (256 bytes, 9 merges, &lt;s&gt; and &lt;/s&gt;, a BOS template) were made
/// by Hugging Face tokenizers 0.22.2 (npm @anush008/tokenizers 0.6.0).
/// </summary>
public class TokenizerJsonLoaderTests : IDisposable
{
    private static readonly string Tiny = Path.Combine(SharedData.RepoRoot, "tests", "Tokenizers.Tests", "Fixtures", "tiny-tokenizer.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("tokenizers-json-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TinyTokenizerJsonGivesHuggingFacesIds()
    {
        var tokenizer = TokenizerFile.Load(Tiny);
        const string text = "the winter in the north <s>worker";
        int[] ids = [116, 257, 261, 260, 116, 262, 32, 260, 258, 32, 110, 263, 116, 104, 32, 265, 119, 263, 107, 262];
        Assert.Equal(ids, tokenizer.EncodeToIds(text, SpecialTokenPolicy.All));
        Assert.Equal([265, .. ids], tokenizer.EncodeToIds(text, SpecialTokenPolicy.All, addSpecialTokens: true));
        Assert.Equal([265, 72, 101, 108, 108, 111, 264, 108, 100], tokenizer.EncodeToIds("Hello world", SpecialTokenPolicy.All, addSpecialTokens: true));
        Assert.Equal(ids.Length, tokenizer.CountTokens(text.AsSpan(), SpecialTokenPolicy.All));
        Assert.Equal(text, tokenizer.Decode(ids));
        Assert.Equal(267, tokenizer.VocabularySize);
    }

    [Fact]
    public void AMergeOfAnUnknownTokenNamesItsJsonPathLineAndColumn()
    {
        string text = File.ReadAllText(Tiny).Replace("\"i\",\n        \"n\"", "\"i\",\n        \"nope\"", StringComparison.Ordinal);
        Assert.Contains("nope", text, StringComparison.Ordinal);
        string path = Path.Combine(_folder, "tokenizer.json");
        File.WriteAllText(path, text);
        var error = Assert.Throws<TokenizerFormatException>(() => TokenizerFile.Load(path));
        Assert.Equal("model.merges[4]", error.JsonPath);
        Assert.StartsWith($"tokenizer.json({error.Line},{error.Column}): model.merges[4]: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void NotJsonIsALocatedFormatError()
    {
        string path = Path.Combine(_folder, "tokenizer.json");
        File.WriteAllText(path, "{\n  \"model\": [1, 2,\n");
        var error = Assert.Throws<TokenizerFormatException>(() => TokenizerFile.Load(path));
        Assert.StartsWith("TOK0", error.Code, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void OptionsThatATokenizerJsonCarriesItselfAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenizerFile.Load(Tiny, new TokenizerFileOptions { PreTokenizer = "cl100k" }));
        Assert.Equal("PreTokenizer 'cl100k' is not valid: a tokenizer.json defines its own pre-tokenizer; remove PreTokenizer", error.Message);
        Assert.Throws<ArgumentException>(() => TokenizerFile.Load(Tiny, new TokenizerFileOptions { SpecialTokens = ["<x>=5"] }));
    }
}
