using System.Text.Json;

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
        var vocab = new Dictionary<string, int>();
        // GPT-2's byte alphabet: printable Latin-1 bytes are their own char, the others U+0100 on, in byte order.
        int shifted = 0;
        for (int b = 0; b < 256; b++)
            vocab[((char)(b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF ? b : 256 + shifted++)).ToString()] = b;
        foreach (string t in (string[])["##a", "a</w>", "##a</w>", "##b", "b</w>", "##b</w>", "##c", "c</w>", "##c</w>", "ab", "abc</w>", "##bc", "##cc</w>", "abc"])
            vocab[t] = vocab.Count;
        var byteLevel = new { type = "ByteLevel", add_prefix_space = false, trim_offsets = false, use_regex = true };
        return JsonSerializer.Serialize(new
        {
            added_tokens = Array.Empty<object>(),
            normalizer = (object?)null,
            pre_tokenizer = byteLevel,
            post_processor = (object?)null,
            decoder = byteLevel,
            model = new
            {
                type = "BPE", dropout = (object?)null, unk_token = (object?)null, continuing_subword_prefix = "##", end_of_word_suffix = "</w>",
                fuse_unk = false, byte_fallback = false, ignore_merges = false, vocab,
                merges = new[] { "a ##b", "ab ##c</w>", "##b ##c", "##c ##c</w>", "a ##bc" },
            },
        });
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
