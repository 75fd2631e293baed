using System.Text.Json;
using Tokenizers.Tests;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// A vocab.json + merges.txt pair takes the decision a tokenizer.json does: where tiktoken's rule over the merge order
/// is not Hugging Face's, the generated class (and the loader) merge by Hugging Face's rule and the header says so.
/// PairMergeRuleFuzzTests compares such pairs with Hugging Face's Rust core on random strings.
/// </summary>
public sealed class PairMergeRuleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokenizers-pair-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void APairListedTwiceAndATokenNoMergeBuildsFollowHuggingFace()
    {
        // ab (256), bc (257), abc (258). "b c" is listed at 0 and again at 2: Hugging Face keeps index 2, so "abc"
        // merges a b first (ab, c), and "ab c" is not listed, so abc is never built. Ranked by the first listing (the
        // tiktoken rule) "abc" would be a|bc, and its whole-piece lookup abc. Over Hugging Face's ranks tiktoken's rule
        // agrees: the backtracking encoder, and the header says nothing more.
        var (header, tokenizers) = Compile("#version: 0.2\nb c\na b\nb c\na bc\n", "ab", "bc", "abc");
        Assert.DoesNotContain("merge rule", header, StringComparison.Ordinal);
        foreach (ITokenizer tokenizer in tokenizers)
        {
            Assert.Equal([256, 'c'], tokenizer.EncodeToIds("abc"));
            Assert.Equal(['x', 257], tokenizer.EncodeToIds("xbc"));
            Assert.Equal([256, 256], tokenizer.EncodeToIds("abab"));
        }
    }

    [Fact]
    public void ATokenBuiltFromAHalfRankedAfterItTakesTheMergeRule()
    {
        // abc (256) is merge 0 "a bc", but bc (257) only exists after merge 1: no backtracking split can say that.
        var (header, tokenizers) = Compile("#version: 0.2\na bc\nb c\n", "abc", "bc");
        Assert.Contains("// Hugging Face's merge rule: merges disagree with token order for 1 of 2 tokens (e.g. merge 0 'a bc'): Hugging Face merge rule.", header,
            StringComparison.Ordinal);
        foreach (ITokenizer tokenizer in tokenizers)
        {
            Assert.Equal([256], tokenizer.EncodeToIds("abc"));
            Assert.Equal(['x', 256], tokenizer.EncodeToIds("xabc"));
            Assert.Equal([256, 257], tokenizer.EncodeToIds("abcbc"));
        }
    }

    /// <summary>The generated class's header, the generated class and the loaded tokenizer of GPT-2's byte alphabet plus <paramref name="tokens"/> (ids from 256).</summary>
    private (string Header, ITokenizer[] Tokenizers) Compile(string merges, params string[] tokens)
    {
        var vocab = SyntheticBpeJson.ByteAlphabet();
        foreach (string t in tokens) vocab[t] = vocab.Count;
        string json = JsonSerializer.Serialize(vocab);
        var (result, output) = GeneratorHarness.Run("using Tokenizers;\nnamespace M;\n[GeneratedTokenizer(\"p/vocab.json\", \"p/merges.txt\")]\npublic partial class Tok;\n",
            GeneratorHarness.File("p/vocab.json", json), GeneratorHarness.File("p/merges.txt", merges));
        Assert.Empty(result.Diagnostics);
        string members = result.Results[0].GeneratedSources.Single(s => !s.HintName.Contains(".Data.", StringComparison.Ordinal)).SourceText.ToString();
        var generated = (ITokenizer)Activator.CreateInstance(GeneratorHarness.Load(output).GetType("M.Tok")!)!;
        File.WriteAllText(Path.Combine(_folder, "vocab.json"), json);
        File.WriteAllText(Path.Combine(_folder, "merges.txt"), merges);
        ITokenizer loaded = TokenizerFile.Load(Path.Combine(_folder, "vocab.json"), Path.Combine(_folder, "merges.txt"));
        return (members[..members.IndexOf("partial class", StringComparison.Ordinal)], [generated, loaded]);
    }
}
