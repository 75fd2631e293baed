using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Tokenizers.Loading;

namespace Tokenizers.Tests.Loading;

/// <summary>
/// <see cref="TokenizerFileOptions.CacheDirectory"/>: a tokenizer.json's compiled tables kept between loads. A load from
/// the cache gives the ids of a fresh compile; a changed file never reads the old entry; a corrupt, truncated or foreign
/// entry is ignored and replaced; concurrent writers leave one whole entry; a directory that cannot be written is
/// skipped. Never an error and never a wrong tokenizer.
/// </summary>
public class TableCacheTests : IDisposable
{
    private static readonly string Tiny = Path.Combine(SharedData.RepoRoot, "tests", "Tokenizers.Tests", "Fixtures", "tiny-tokenizer.json");
    private const string TinyText = "the winter in the north <s>worker</s> Hello world";

    private readonly string _folder = Directory.CreateTempSubdirectory("tokenizers-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Cache => Path.Combine(_folder, "cache");

    private TokenizerFileOptions Cached => new() { CacheDirectory = Cache };

    private static IReadOnlyList<int> Ids(ITokenizer tokenizer, string text) => tokenizer.EncodeToIds(text, SpecialTokenPolicy.All);

    private static byte[] KeyOf(string path) => TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions(), File.ReadAllBytes(path));

    private string[] Entries() => Directory.Exists(Cache) ? Directory.GetFiles(Cache) : [];

    [Theory]
    [InlineData("llama3")]
    [InlineData("qwen3")]
    public void ACachedLoadOfARealModelGivesTheIdsOfAFreshCompile(string model)
    {
        string path = HuggingFaceModels.TokenizerJson(model);
        string text = File.ReadAllText(SharedData.Path_("data", "the-verdict.txt"))[..20_000]
            + " Ça coûte 12,50 € — Привет, мир! 東京タワーは高さ333メートルです。 😀👍🏽 <|begin_of_text|><|im_start|>";
        var fresh = TokenizerFile.Load(path);
        var filling = TokenizerFile.Load(path, Cached);
        Assert.Single(Entries());
        Assert.NotNull(TableCache.TryRead(Cache, KeyOf(path)));
        var cached = TokenizerFile.Load(path, Cached);

        Assert.Equal(Ids(fresh, text), Ids(filling, text));
        Assert.Equal(Ids(fresh, text), Ids(cached, text));
        Assert.Equal(fresh.EncodeToIds(text, SpecialTokenPolicy.None, addSpecialTokens: true),
            cached.EncodeToIds(text, SpecialTokenPolicy.None, addSpecialTokens: true));
        Assert.Equal(fresh.VocabularySize, cached.VocabularySize);
        Assert.Equal(fresh.Decode(Ids(fresh, text)), cached.Decode(Ids(fresh, text)));
    }

    [Fact]
    public void CachedBpeVocabulariesGiveTheIdsOfAFreshCompileAndOptionsAreInTheKey()
    {
        string vocab = Path.Combine(SharedData.RepoRoot, "vocab");
        string text = File.ReadAllText(SharedData.Path_("data", "the-verdict.txt"))[..20_000]
            + "<|endoftext|> Ça coûte 12,50 € — Привет, мир! 東京タワーは高さ333メートルです。 😀👍🏽";
        (string[] Paths, TokenizerFileOptions Options)[] vocabularies =
        [
            ([Path.Combine(vocab, "cl100k_base", "cl100k_base.tiktoken")], new() { PreTokenizer = "cl100k", SpecialTokens = ["<|endoftext|>=100257"] }),
            ([Path.Combine(vocab, "cl100k_base", "cl100k_base.tiktoken")], new() { PreTokenizer = "cl100k" }),
            ([Path.Combine(vocab, "gpt2", "vocab.json"), Path.Combine(vocab, "gpt2", "merges.txt")], new() { SpecialTokens = ["<|endoftext|>=50256"] }),
        ];
        ITokenizer Load(string[] paths, TokenizerFileOptions options)
            => paths.Length == 1 ? TokenizerFile.Load(paths[0], options) : TokenizerFile.Load(paths[0], paths[1], options);

        for (int i = 0; i < vocabularies.Length; i++)
        {
            var (paths, options) = vocabularies[i];
            var cachedOptions = new TokenizerFileOptions { PreTokenizer = options.PreTokenizer, SpecialTokens = options.SpecialTokens, CacheDirectory = Cache };
            var fresh = Load(paths, options);
            var filling = Load(paths, cachedOptions);
            Assert.Equal(i + 1, Entries().Length);
            var cached = Load(paths, cachedOptions);
            Assert.Equal(i + 1, Entries().Length);

            Assert.Equal(Ids(fresh, text), Ids(filling, text));
            Assert.Equal(Ids(fresh, text), Ids(cached, text));
            Assert.Equal(fresh.VocabularySize, cached.VocabularySize);
            Assert.Equal(fresh.Decode(Ids(fresh, text)), cached.Decode(Ids(fresh, text)));
            Assert.Equal(((IStreamableTokenizer)fresh).SpecialTokens, ((IStreamableTokenizer)cached).SpecialTokens);
        }
    }

    [Fact]
    public void WithoutACacheDirectoryNothingIsKept()
    {
        string path = Path.Combine(_folder, "tokenizer.json");
        File.Copy(Tiny, path);
        TokenizerFile.Load(path);
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void AChangedFileMissesAndGetsItsOwnEntry()
    {
        string path = Path.Combine(_folder, "tokenizer.json");
        File.Copy(Tiny, path);
        const string text = "a</s>b";
        Assert.Equal([97, 266, 98], Ids(TokenizerFile.Load(path, Cached), text));

        // Same length, one token's text changed: only the bytes' hash tells the two files apart.
        File.WriteAllText(path, File.ReadAllText(Tiny).Replace("\"</s>\"", "\"</z>\"", StringComparison.Ordinal));
        var changed = TokenizerFile.Load(path, Cached);
        Assert.Equal(Ids(TokenizerFile.Load(path), text), Ids(changed, text));
        Assert.DoesNotContain(266, Ids(changed, text));
        Assert.Equal(2, Entries().Length);
    }

    [Fact]
    public void TheKeyTellsApartEveryInputThatChangesTheResult()
    {
        byte[] file = File.ReadAllBytes(Tiny);
        var none = new TokenizerFileOptions();
        byte[][] keys =
        [
            TableCacheKey.Of("tokenizer.json", none, file),
            TableCacheKey.Of("tokenizer.json", none, file[..^1]),
            TableCacheKey.Of(".tiktoken", none, file),
            TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions { PreTokenizer = "" }, file),
            TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions { PreTokenizer = "cl100k" }, file),
            TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions { UnknownToken = "cl100k" }, file),
            TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions { SpecialTokens = [] }, file),
            TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions { SpecialTokens = ["<a>=1", "<b>=2"] }, file),
            TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions { SpecialTokens = ["<a>=1<b>=2"] }, file),
            TableCacheKey.Of("vocab.json", none, file[..10], file[10..]),
            TableCacheKey.Of("vocab.json", none, file[..11], file[11..]),
        ];
        Assert.Equal(keys.Length, keys.Select(Convert.ToHexString).Distinct().Count());
        Assert.Equal(keys[0], TableCacheKey.Of("tokenizer.json", new TokenizerFileOptions { CacheDirectory = "elsewhere" }, [.. file]));
    }

    [Fact]
    public void AnyFlippedByteOrTruncationOfAnEntryIsIgnoredAndTheEntryRewritten()
    {
        var expected = Ids(TokenizerFile.Load(Tiny), TinyText);
        TokenizerFile.Load(Tiny, Cached);
        string entry = Assert.Single(Entries());
        byte[] whole = File.ReadAllBytes(entry);

        void LoadsRightAndRepairs(byte[] damaged)
        {
            File.WriteAllBytes(entry, damaged);
            Assert.Null(TableCache.TryRead(Cache, KeyOf(Tiny)));
            Assert.Equal(expected, Ids(TokenizerFile.Load(Tiny, Cached), TinyText));
            Assert.Equal(whole, File.ReadAllBytes(entry));
        }

        Gen.Select(Gen.Int[0, whole.Length - 1], Gen.Byte[1, 255]).Sample((at, mask) =>
        {
            byte[] damaged = [.. whole];
            damaged[at] ^= mask;
            LoadsRightAndRepairs(damaged);
        }, iter: 200, threads: 1);
        Gen.Int[0, whole.Length - 1].Sample(length => LoadsRightAndRepairs(whole[..length]), iter: 100, threads: 1);
        LoadsRightAndRepairs([.. whole, 0]);
        LoadsRightAndRepairs("not a cache entry at all"u8.ToArray());
    }

    [Fact]
    public void AnEntryUnderAnotherKeyIsNotRead()
    {
        // A file whose checksum holds but that was written for another key (a copied or renamed entry) is foreign.
        string other = Path.Combine(_folder, "tokenizer.json");
        File.WriteAllText(other, File.ReadAllText(Tiny).Replace("\"</s>\"", "\"</z>\"", StringComparison.Ordinal));
        TokenizerFile.Load(other, Cached);
        File.Move(TableCache.PathOf(Cache, KeyOf(other)), TableCache.PathOf(Cache, KeyOf(Tiny)));
        Assert.Null(TableCache.TryRead(Cache, KeyOf(Tiny)));
        Assert.Equal([97, 266, 98], Ids(TokenizerFile.Load(Tiny, Cached), "a</s>b"));
    }

    [Fact]
    public async Task ConcurrentWritersLeaveOneWholeEntryAndReadersNeverSeeHalfOfOne()
    {
        var expected = Ids(TokenizerFile.Load(Tiny), TinyText);
        byte[] key = KeyOf(Tiny);
        CancellationToken cancel = TestContext.Current.CancellationToken;
        for (int round = 0; round < 10; round++)
        {
            if (Directory.Exists(Cache)) Directory.Delete(Cache, recursive: true);
            using var start = new Barrier(5);
            using var stop = new CancellationTokenSource();
            bool seen = false, lostAfterSeen = false;
            var reader = Task.Run(() =>
            {
                start.SignalAndWait(cancel);
                // Once a whole entry is in place, a rename replaces it in one step: it never reads as missing again.
                while (!stop.IsCancellationRequested)
                {
                    bool found = TableCache.TryRead(Cache, key) is not null;
                    if (seen && !found) lostAfterSeen = true;
                    seen |= found;
                }
            }, cancel);
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(cancel);
                var loaded = new List<IReadOnlyList<int>>();
                for (int i = 0; i < 5; i++) loaded.Add(Ids(TokenizerFile.Load(Tiny, Cached), TinyText));
                return loaded;
            }, cancel)).ToArray();
            var results = await Task.WhenAll(writers);
            await stop.CancelAsync();
            await reader;

            Assert.All(results.SelectMany(r => r), ids => Assert.Equal(expected, ids));
            Assert.False(lostAfterSeen, $"round {round}: the entry read as missing after it was whole");
            Assert.Equal([TableCache.PathOf(Cache, key)], Entries());
            Assert.NotNull(TableCache.TryRead(Cache, key));
        }
    }

    [Fact]
    public void ADirectoryThatCannotBeWrittenIsSkipped()
    {
        var expected = Ids(TokenizerFile.Load(Tiny), TinyText);
        string notADirectory = Path.Combine(_folder, "file");
        File.WriteAllText(notADirectory, "");
        foreach (string cache in new[] { notADirectory, Path.Combine(notADirectory, "cache") })
        {
            var tokenizer = TokenizerFile.Load(Tiny, new TokenizerFileOptions { CacheDirectory = cache });
            Assert.Equal(expected, Ids(tokenizer, TinyText));
        }
        Assert.Equal([notADirectory], Directory.GetFileSystemEntries(_folder));
        Assert.Equal("", File.ReadAllText(notADirectory));
    }
}
