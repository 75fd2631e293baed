using Tokenizers.Tests;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// A tokenizer.json with <c>continuing_subword_prefix</c> and <c>end_of_word_suffix</c> compiles in the generator (no
/// TOK020), says its encoder in the header, and gives the ids the loader gives and Hugging Face's Rust core gave for
/// the same file (the expectations of HfBpeTableBuilderTests; AffixModelFuzzTests compares many more against it).
/// </summary>
public sealed class AffixedTokenizerJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokenizers-affix-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Json()
    {
        var vocab = SyntheticBpeJson.ByteAlphabet();
        foreach (string t in (string[])["##a", "a</w>", "##a</w>", "##b", "b</w>", "##b</w>", "##c", "c</w>", "##c</w>", "ab", "abc</w>", "##bc", "##cc</w>", "abc"])
            vocab[t] = vocab.Count;
        return SyntheticBpeJson.ByteLevel(vocab, ["a ##b", "ab ##c</w>", "##b ##c", "##c ##c</w>", "a ##bc"], prefix: "##", suffix: "</w>");
    }

    [Fact]
    public void TheGeneratedClassAndTheLoaderGiveHuggingFacesIds()
    {
        string json = Json();
        var (result, output) = GeneratorHarness.Run("using Tokenizers;\nnamespace M;\n[GeneratedTokenizer(\"affix/tokenizer.json\")]\npublic partial class Tok;\n",
            GeneratorHarness.File("affix/tokenizer.json", json));
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Results[0].GeneratedSources, s => s.SourceText.ToString().Contains("Hugging Face merge rule on affixed symbols", StringComparison.Ordinal));
        var generated = (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("M.Tok")!)!;
        string path = Path.Combine(_folder, "tokenizer.json");
        File.WriteAllText(path, json);
        ITokenizer loaded = TokenizerFile.Load(path);
        foreach (ITokenizer tokenizer in (ITokenizer[])[generated, loaded])
        {
            Assert.Equal([266], tokenizer.EncodeToIds("abc"));
            // Ġ is first in its piece, then ##a ##b</w>; x is dropped (##x</w> is no token, no unk_token).
            Assert.Equal([265, 268, 32, 256, 261, 32, 258], tokenizer.EncodeToIds("abcc ab a"));
            Assert.Equal([265], tokenizer.EncodeToIds("abx"));
            Assert.Equal("abc</w> ##a##b</w>", tokenizer.Decode([266, 32, 256, 261]));
        }
    }
}
