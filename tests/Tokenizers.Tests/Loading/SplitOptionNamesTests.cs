namespace Tokenizers.Tests.Loading;

/// <summary>
/// TokenizerFileOptions' two split settings, PreTokenizer (BPE) and SplitRegex (word lists), and Pattern, the old name
/// of both, which still works and is taken by the kind of file.
/// </summary>
public sealed class SplitOptionNamesTests
{
    private static readonly string Vocab = Path.Combine(SharedData.RepoRoot, "vocab");
    private static string Tiktoken => Path.Combine(Vocab, "cl100k_base", "cl100k_base.tiktoken");

    private static string WordList()
    {
        string path = Path.Combine(Path.GetTempPath(), "tokenizers-split-option-words.txt");
        File.WriteAllLines(path, ["hello", "world", ",", "hello,"]);
        return path;
    }

    [Fact]
    public void PreTokenizer_picks_a_BPE_files_pre_tokenizer()
    {
        // cl100k cuts digits into runs of three, gpt2's pattern keeps them whole: the pieces, so the ids, differ.
        const string text = "hello world 1234567";
        var cl100k = TokenizerFile.Load(Tiktoken, new TokenizerFileOptions { PreTokenizer = "cl100k" });
        var gpt2 = TokenizerFile.Load(Tiktoken, new TokenizerFileOptions { PreTokenizer = "gpt2" });
        var none = TokenizerFile.Load(Tiktoken);
        Assert.NotEqual(cl100k.EncodeToIds(text), gpt2.EncodeToIds(text));
        Assert.Equal(gpt2.EncodeToIds(text), none.EncodeToIds(text)); // gpt2 is the default
    }

    [Fact]
    public void SplitRegex_splits_a_word_list()
    {
        var byWord = TokenizerFile.Load(WordList(), new TokenizerFileOptions { SplitRegex = @"\s+" });
        Assert.Equal([3, 1], byWord.EncodeToIds("hello, world"));
    }

#pragma warning disable CS0618 // the old name, on purpose
    [Fact]
    public void Pattern_is_still_either_by_the_kind_of_file()
    {
        Assert.Equal(
            TokenizerFile.Load(Tiktoken, new TokenizerFileOptions { PreTokenizer = "cl100k" }).EncodeToIds("it's 1234567"),
            TokenizerFile.Load(Tiktoken, new TokenizerFileOptions { Pattern = "cl100k" }).EncodeToIds("it's 1234567"));
        Assert.Equal([3, 1], TokenizerFile.Load(WordList(), new TokenizerFileOptions { Pattern = @"\s+" }).EncodeToIds("hello, world"));
    }

    [Fact]
    public void Pattern_beside_its_new_name_is_refused()
    {
        var bpe = Assert.Throws<ArgumentException>(() => TokenizerFile.Load(Tiktoken, new TokenizerFileOptions { Pattern = "gpt2", PreTokenizer = "gpt2" }));
        Assert.Equal("Pattern is the obsolete name of PreTokenizer, which is set too; remove Pattern", bpe.Message);
        var words = Assert.Throws<ArgumentException>(() => TokenizerFile.Load(WordList(), new TokenizerFileOptions { Pattern = "x", SplitRegex = "x" }));
        Assert.Equal("Pattern is the obsolete name of SplitRegex, which is set too; remove Pattern", words.Message);
    }
#pragma warning restore CS0618

    [Fact]
    public void Each_setting_is_refused_for_the_other_kind_of_file()
    {
        var bpe = Assert.Throws<ArgumentException>(() => TokenizerFile.Load(Tiktoken, new TokenizerFileOptions { SplitRegex = @"\s+" }));
        Assert.Equal(@"SplitRegex '\s+' applies to word lists; a BPE vocabulary takes PreTokenizer", bpe.Message);
        var words = Assert.Throws<ArgumentException>(() => TokenizerFile.Load(WordList(), new TokenizerFileOptions { PreTokenizer = "cl100k" }));
        Assert.Equal("PreTokenizer 'cl100k' applies to BPE vocabularies; a word list takes SplitRegex", words.Message);
    }
}
