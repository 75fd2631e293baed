using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.HuggingFace;
using Tokenizers.Tests.HuggingFace;

namespace Tokenizers.Tests.Compilation;

/// <summary>
/// The table builder's choice of encoder and the ids it leads to, on vocabularies small enough to work out by hand
/// (Hugging Face's rule: merge the listed adjacent pair with the lowest merge index, leftmost first; these expectations
/// were also checked once against the Rust core).
/// </summary>
public sealed class HfBpeTableBuilderTests
{
    private static int[] Encode(BpePieceEncoder encoder, string text) => BpePieceEncoderDifferentialTests.Encode(encoder, text);

    private const int A = 'a', B = 'b', C = 'c', X = 'x', Y = 'y', Z = 'z';

    [Fact]
    public void Merges_in_token_order_take_the_backtracking_encoder()
    {
        var (tables, encoder) = SmallByteLevelModel.File(["ab", "abc", "ca"], ["a b", "ab c", "c a"]).Compile();
        Assert.Equal(HfBpeTableBuilder.Encoder.Backtracking, encoder.Encoder);
        Assert.StartsWith("merges follow token order", tables.Summary);
        Assert.Equal([257], Encode(encoder, "abc"));
        Assert.Equal([256, 256], Encode(encoder, "abab"));
        // a b c a b: "a b" (merge 0) twice first, then "ab c" (merge 1): abc, ab.
        Assert.Equal([257, 256], Encode(encoder, "abcab"));
        Assert.Equal([C, 257], Encode(encoder, "cabc"));
    }

    [Fact]
    public void Merge_order_unlike_id_order_still_backtracks_with_ranks_from_the_merges()
    {
        // ab has the lower id, but "b c" is merge 0: Hugging Face makes a|bc of "abc", where tiktoken's rule by id
        // would make ab|c. Ranked by merge index, tiktoken's rule agrees.
        var (tables, encoder) = SmallByteLevelModel.File(["ab", "bc"], ["b c", "a b"]).Compile();
        Assert.Equal(HfBpeTableBuilder.Encoder.Backtracking, encoder.Encoder);
        Assert.NotEqual("", tables.Tables.Single(t => t.Name == "BpeRankToId").Data);
        Assert.Equal([A, 257], Encode(encoder, "abc"));
        Assert.Equal([256, A], Encode(encoder, "aba"));
    }

    [Fact]
    public void A_token_built_from_a_later_half_is_guarded_and_merged_by_the_rule()
    {
        // "a bc" is merge 0, but bc only exists after merge 1: abc's half ranks after it, which the backtracking
        // encoder cannot represent. Eight more merges keep the guarded share at one in nine.
        string[] filler = ["d e", "de f", "g h", "gh i", "j k", "jk l", "m n", "mn o"];
        string[] fillerTokens = ["de", "def", "gh", "ghi", "jk", "jkl", "mn", "mno"];
        var (tables, encoder) = SmallByteLevelModel.File(["abc", "bc", .. fillerTokens], ["a bc", "b c", .. filler]).Compile();
        Assert.Equal(HfBpeTableBuilder.Encoder.GuardedBacktracking, encoder.Encoder);
        Assert.Contains("1 of 10 tokens (e.g. merge 0 'a bc')", tables.Summary);
        Assert.Equal([256], Encode(encoder, "abc"));
        // x a b c: only "b c" is listed at first, then "a bc": x, abc.
        Assert.Equal([X, 256], Encode(encoder, "xabc"));
        Assert.Equal([256, 257], Encode(encoder, "abcbc"));
        Assert.Equal([259, 257], Encode(encoder, "defbc"));
    }

    [Fact]
    public void Many_guarded_tokens_take_the_merge_rule_for_every_piece()
    {
        var (tables, encoder) = SmallByteLevelModel.File(["abc", "bc"], ["a bc", "b c"]).Compile();
        Assert.Equal(HfBpeTableBuilder.Encoder.MergeRule, encoder.Encoder);
        Assert.EndsWith("Hugging Face merge rule", tables.Summary);
        Assert.Equal([X, 256, 257], Encode(encoder, "xabcbc"));
        Assert.Equal([A, A, 256], Encode(encoder, "aaabc"));
    }

    [Fact]
    public void Equal_merge_indices_merge_leftmost_first()
    {
        // a a a a: "a a" (merge 0) at 0 first, then at 2 (it beats "aa a", merge 1): aa aa, which no merge joins.
        // a a a a a: aa a a a → aa aa a → "aa a" (merge 1): aa aaa.
        var (_, encoder) = SmallByteLevelModel.File(["aa", "aaa"], ["a a", "aa a", "a aa"]).Compile();
        Assert.Equal([256, 256], Encode(encoder, "aaaa"));
        Assert.Equal([257], Encode(encoder, "aaa"));
        Assert.Equal([256, 257], Encode(encoder, "aaaaa"));
    }

    [Fact]
    public void A_pair_listed_twice_keeps_its_last_index()
    {
        // "b c" is listed at 0 and again at 2, after "a b" (1): Hugging Face's merge map keeps 2, so "abc" merges
        // a b first (ab, c); had the first listing counted, it would be a, bc.
        var (_, encoder) = SmallByteLevelModel.File(["ab", "bc"], ["b c", "a b", "b c"]).Compile();
        Assert.Equal([256, C], Encode(encoder, "abc"));
        Assert.Equal([X, 257], Encode(encoder, "xbc"));
    }

    [Fact]
    public void A_token_no_merge_builds_is_one_id_only_under_ignore_merges()
    {
        string[] tokens = ["ab", "bc", "xyz", "abc"];
        string[] merges = ["a b", "b c"];
        var (_, plain) = SmallByteLevelModel.File(tokens, merges).Compile();
        var (_, whole) = SmallByteLevelModel.File(tokens, merges, ignoreMerges: true).Compile();
        Assert.Equal([X, Y, Z], Encode(plain, "xyz"));
        Assert.Equal([258], Encode(whole, "xyz"));
        // abc: no merge builds it (a b first, then ab c is not listed).
        Assert.Equal([256, C], Encode(plain, "abc"));
        Assert.Equal([259], Encode(whole, "abc"));
        // Inside a longer piece the whole-piece rule does not apply.
        Assert.Equal([X, Y, Z, X, Y, Z], Encode(whole, "xyzxyz"));
    }

    [Fact]
    public void Without_ignore_merges_a_whole_piece_token_counts_only_if_merging_builds_it()
    {
        var (_, encoder) = SmallByteLevelModel.File(["ab", "bc", "abc"], ["b c", "a b", "ab c"]).Compile();
        // b c merges first: a bc, and "a bc" is not listed, so abc never forms even though it is a token.
        Assert.Equal([A, 257], Encode(encoder, "abc"));
    }

    [Fact]
    public void Token_bytes_prefer_added_tokens_and_decode_the_alphabet()
    {
        string added = "[{\"id\":300,\"content\":\"<|end|>\",\"special\":true,\"single_word\":false,\"lstrip\":false,\"rstrip\":false,\"normalized\":false},"
            + "{\"id\":258,\"content\":\"\u0120hi\",\"special\":false,\"single_word\":false,\"lstrip\":false,\"rstrip\":false,\"normalized\":false},"
            + "{\"id\":301,\"content\":\"\u2581x\",\"special\":true,\"single_word\":false,\"lstrip\":false,\"rstrip\":false,\"normalized\":false}]";
        var (tables, encoder) = SmallByteLevelModel.File(["\u0120a", "bc", "zz"], ["\u0120 a", "b c", "z z"], addedTokens: added).Compile();
        Assert.Equal(302, tables.VocabularySize);
        Assert.Equal(302, encoder.VocabularySize);
        Assert.Equal(" a"u8.ToArray(), encoder.TokenBytes(256).ToArray());
        Assert.Equal(" hi"u8.ToArray(), encoder.TokenBytes(258).ToArray()); // the added token wins over "zz"
        Assert.Equal("<|end|>"u8.ToArray(), encoder.TokenBytes(300).ToArray());
        Assert.Equal("\u2581x"u8.ToArray(), encoder.TokenBytes(301).ToArray()); // ▁ is outside the alphabet: UTF-8
        Assert.Equal([0xFF], encoder.TokenBytes(0xFF).ToArray());
        var gap = Assert.Throws<ArgumentOutOfRangeException>(() => encoder.TokenBytes(299));
        Assert.Contains("299", gap.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.TokenBytes(302));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.TokenBytes(-1));
    }

    [Fact]
    public void Pieces_are_utf8_with_lone_surrogates_as_replacement_chars()
    {
        var (_, encoder) = SmallByteLevelModel.File(["\u00E2\u0122", "\u00E2\u0122\u00A2"], ["\u00E2 \u0122", "\u00E2\u0122 \u00A2"]).Compile();
        // € is E2 82 AC, no token pair; U+2022 is E2 80 A2, which the vocabulary builds whole (0x80 is U+0122 in the alphabet).
        Assert.Equal([0xE2, 0x82, 0xAC], Encode(encoder, "€"));
        Assert.Equal([257], Encode(encoder, "\u2022"));
        Assert.Equal([0xEF, 0xBF, 0xBD, A], Encode(encoder, "\uD800a"));
        Assert.Equal([0xF0, 0x9F, 0x98, 0x80], Encode(encoder, "😀"));
    }

    [Fact]
    public void Long_pieces_merge_like_short_ones()
    {
        var (_, encoder) = SmallByteLevelModel.File(["ab", "abab", "ba"], ["a b", "ab ab", "b a"]).Compile();
        string text = string.Concat(Enumerable.Repeat("ab", 500)) + "a";
        int[] ids = Encode(encoder, text);
        Assert.Equal([.. Enumerable.Repeat(257, 250), A], ids);
    }

    [Fact]
    public void A_merge_of_unknown_tokens_is_TOK008_at_its_index()
    {
        var file = SmallByteLevelModel.File(["ab"], ["a b", "ab q"]);
        file = file with { Merges = [file.Merges[0], file.Merges[1] with { Right = "qq" }] };
        var errors = new List<CompileError>();
        Assert.Null(HfBpeTableBuilder.Build(file.Definition, file.Vocab, file.Merges, true, errors, CancellationToken.None));
        var error = Assert.Single(errors);
        Assert.Equal("TOK008", error.Code);
        Assert.Equal("model.merges[1]", error.JsonPath);
        Assert.Contains("'qq'", error.Message);

        var resultUnknown = SmallByteLevelModel.File(["ab"], ["a b", "b a"]);
        errors.Clear();
        Assert.Null(HfBpeTableBuilder.Build(resultUnknown.Definition, resultUnknown.Vocab, resultUnknown.Merges, true, errors, CancellationToken.None));
        Assert.Equal(("TOK008", "model.merges[1]"), (errors.Single().Code, errors.Single().JsonPath));
        Assert.Contains("'ba'", errors.Single().Message);
    }

    [Fact]
    public void A_byte_level_vocabulary_without_every_byte_is_TOK006()
    {
        var file = SmallByteLevelModel.File(["ab"], ["a b"]);
        file = file with { Vocab = file.Vocab.Where(v => v.Id != 0x0A && v.Id != 0xFF).ToList() };
        var errors = new List<CompileError>();
        Assert.Null(HfBpeTableBuilder.Build(file.Definition, file.Vocab, file.Merges, true, errors, CancellationToken.None));
        var error = Assert.Single(errors);
        Assert.Equal("TOK006", error.Code);
        Assert.Contains("0x0A, 0xFF", error.Message);
    }

    private const string Affixes = ",\"continuing_subword_prefix\":\"##\",\"end_of_word_suffix\":\"</w>\"";

    // Ids from 256: ##a a</w> ##a</w> ##b b</w> ##b</w> ##c c</w> ##c</w>, then the merges' results ab abc</w> ##bc ##cc</w> abc.
    private static readonly string[] AffixTokens = ["##a", "a</w>", "##a</w>", "##b", "b</w>", "##b</w>", "##c", "c</w>", "##c</w>",
        "ab", "abc</w>", "##bc", "##cc</w>", "abc"];
    private static readonly string[] AffixMerges = ["a ##b", "ab ##c</w>", "##b ##c", "##c ##c</w>", "a ##bc"];

    [Fact]
    public void Subword_prefixes_and_suffixes_merge_affixed_symbols_by_the_rule()
    {
        // Hugging Face's symbols of "abc" are a ##b ##c</w>; "a ##b" (merge 0) makes ab, then "ab ##c</w>" abc</w>.
        // The prefix goes on every char but the first and the suffix on the last, and a merge drops the right part's
        // prefix: "##c ##c</w>" makes ##cc</w>. A char whose affixed symbol is not a token is dropped (no unk_token):
        // x in "abx" is ##x</w>. Checked against Hugging Face's Rust core.
        var (tables, encoder) = SmallByteLevelModel.File(AffixTokens, AffixMerges, extraModel: Affixes).Compile();
        Assert.Equal(HfBpeTableBuilder.Encoder.AffixMergeRule, encoder.Encoder);
        Assert.Equal("BPE with continuing_subword_prefix '##' and end_of_word_suffix '</w>': Hugging Face merge rule on affixed symbols", tables.Summary);
        Assert.Equal([266], Encode(encoder, "abc"));
        Assert.Equal([265, 268], Encode(encoder, "abcc"));
        Assert.Equal([A, 256, 261], Encode(encoder, "aab"));
        Assert.Equal([263], Encode(encoder, "c"));
        Assert.Equal([265], Encode(encoder, "abx"));
        // é is C3 A9: Ã is a token, ##©</w> is not.
        Assert.Equal([0xC3], Encode(encoder, "é"));
        Assert.Equal("abc</w>"u8.ToArray(), encoder.TokenBytes(266).ToArray());
    }

    [Fact]
    public void A_suffix_alone_merges_whole_symbols_and_a_last_char_not_found_is_unk()
    {
        // Ids from 256: <unk> a</w> b</w> ab</w> ba. "baab" is b a a b</w>: "a b</w>" (merge 0) first, then "b a".
        string json = SmallByteLevelModel.Json(["<unk>", "a</w>", "b</w>", "ab</w>", "ba"], ["a b</w>", "b a"],
            extraModel: ",\"end_of_word_suffix\":\"</w>\"").Replace("\"unk_token\":null", "\"unk_token\":\"<unk>\"");
        var (_, encoder) = TestBpeFile.Parse(json).Compile();
        Assert.Equal([259], Encode(encoder, "ab"));
        Assert.Equal([260, 259], Encode(encoder, "baab"));
        // éé is Ã © Ã ©</w>, and ©</w> is no token.
        Assert.Equal([0xC3, 0xA9, 0xC3, 256], Encode(encoder, "éé"));
    }

    [Fact]
    public void Affixes_with_byte_fallback_and_merges_too_short_for_the_prefix_are_errors()
    {
        var fallback = TestBpeFile.Parse(SmallByteLevelModel.Json(AffixTokens, AffixMerges, extraModel: Affixes)
            .Replace("\"byte_fallback\":false", "\"byte_fallback\":true"));
        var errors = new List<CompileError>();
        Assert.Null(HfBpeTableBuilder.Build(fallback.Definition, fallback.Vocab, fallback.Merges, true, errors, CancellationToken.None));
        Assert.Equal(("TOK020", "model.byte_fallback"), (errors.Single().Code, errors.Single().JsonPath));

        // Hugging Face cuts two bytes off "b" for the prefix "##": a panic there, TOK007 here.
        var shortRight = SmallByteLevelModel.File(AffixTokens, [.. AffixMerges, "a b"], extraModel: Affixes);
        errors.Clear();
        Assert.Null(HfBpeTableBuilder.Build(shortRight.Definition, shortRight.Vocab, shortRight.Merges, true, errors, CancellationToken.None));
        Assert.Equal(("TOK007", "model.merges[5]"), (errors.Single().Code, errors.Single().JsonPath));
    }

    [Fact]
    public void Ids_beyond_the_limit_are_TOK014()
    {
        var file = SmallByteLevelModel.File(["ab"], ["a b"]);
        file = file with { Vocab = [.. file.Vocab, new VocabEntry("zz", HfBpeTableBuilder.MaxVocabularySize, default)] };
        var errors = new List<CompileError>();
        Assert.Null(HfBpeTableBuilder.Build(file.Definition, file.Vocab, file.Merges, true, errors, CancellationToken.None));
        Assert.Equal("TOK014", errors.Single().Code);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var file = SmallByteLevelModel.File(["ab"], ["a b"]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            HfBpeTableBuilder.Build(file.Definition, file.Vocab, file.Merges, true, new List<CompileError>(), cts.Token));
    }
}
