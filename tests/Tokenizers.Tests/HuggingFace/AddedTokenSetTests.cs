using Tokenizers.Compilation;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Added-token matching against the splits of Hugging Face's own tests (tokenizers/src/tokenizer/added_vocabulary.rs:
/// can_extract_added_tokens, options_use_cases, test_single_word_is_correct, test_single_word_is_unicode_correct,
/// test_lstrip_unicode_space), plus leftmost-longest overlaps and the special-token policies.
/// </summary>
public class AddedTokenSetTests
{
    private static AddedTokenDef Token(int id, string content, bool special = false, bool singleWord = false,
        bool lstrip = false, bool rstrip = false, bool normalized = false)
        => new(id, content, special, singleWord, lstrip, rstrip, normalized);

    private static AddedTokenSet Set(params AddedTokenDef[] tokens) => new(tokens, tokens.Select(t => t.Content).ToArray());

    private static List<(string Text, int Id)> Split(AddedTokenSet set, string text, SpecialTokenPolicy? policy = null)
    {
        var result = new List<(string, int)>();
        var segments = set.Split(text, policy ?? SpecialTokenPolicy.All);
        while (segments.MoveNext(out int start, out int end, out int id)) result.Add((text[start..end], id));
        return result;
    }

    [Fact]
    public void Extracts_added_and_special_tokens()
    {
        // can_extract_added_tokens: ids my=0, name=1, [CLS]=2, [SEP]=3.
        var set = Set(Token(2, "[CLS]", special: true), Token(3, "[SEP]", special: true), Token(0, "my"), Token(1, "name"));
        Assert.Equal([("[CLS]", 2), (" My ", -1), ("name", 1), (" is Anthony ", -1), ("[SEP]", 3)],
            Split(set, "[CLS] My name is Anthony [SEP]"));
    }

    [Fact]
    public void Normalized_tokens_match_in_the_normalized_pieces_with_strip_and_single_word()
    {
        // options_use_cases: [CLS]/[SEP] are found in the raw text; my (lstrip, rstrip), name and ony (single_word)
        // are normalized tokens, found in the lowercased piece between them.
        var raw = Set(Token(3, "[CLS]", special: true), Token(4, "[SEP]", special: true));
        Assert.Equal([("[CLS]", 3), (" My name is Anthony ", -1), ("[SEP]", 4)], Split(raw, "[CLS] My name is Anthony [SEP]"));
        string piece = LowercaseNormalizer.Instance.Normalize(" My name is Anthony ")!;
        var normalized = Set(Token(0, "my", lstrip: true, rstrip: true, normalized: true), Token(1, "name", normalized: true),
            Token(2, "ony", singleWord: true, normalized: true));
        Assert.Equal([(" my ", 0), ("name", 1), (" is anthony ", -1)], Split(normalized, piece));
    }

    [Fact]
    public void Single_word_tokens_match_only_between_non_word_chars()
    {
        // test_single_word_is_correct, on the lowercased input.
        var set = Set(Token(0, "<mask>", singleWord: true, normalized: true));
        Assert.Equal([("<mask>", 0), (" my name ", -1), ("<mask>", 0), (" a<mask> <mask>ony ", -1), ("<mask>", 0)],
            Split(set, "<mask> my name <mask> a<mask> <mask>ony <mask>"));
        // test_single_word_is_unicode_correct: punctuation and dashes are not word chars, a combining mark is.
        Assert.Equal([("<mask>", 0), (", ", -1), ("<mask>", 0), ("- ◌̰<mask>", -1)], Split(set, "<mask>, <mask>- ◌̰<mask>"));
    }

    [Fact]
    public void Lstrip_and_rstrip_take_unicode_whitespace()
    {
        // test_lstrip_unicode_space: U+2000 is White_Space; a match cannot take spaces an earlier one took.
        var set = Set(Token(0, "<mask>", singleWord: true, lstrip: true, rstrip: true, normalized: true));
        Assert.Equal([("hi", -1), (" <mask> ", 0), ("there", -1), ("\t<mask>\t", 0), ("<mask>\u2000", 0)],
            Split(set, "hi <mask> there\t<mask>\t<mask>\u2000"));
    }

    [Fact]
    public void Leftmost_then_longest_wins_and_the_search_moves_past_it()
    {
        var set = Set(Token(1, "<|a"), Token(2, "<|a|>"), Token(3, "a|><|b"), Token(4, "|>"));
        // At 0 both <|a and <|a|> start: the longer one; a|><|b starts later, inside it, and is never seen.
        Assert.Equal([("<|a|>", 2), ("<|b", -1)], Split(set, "<|a|><|b"));
        Assert.Equal([("x", -1), ("a|><|b", 3)], Split(set, "xa|><|b"));
        Assert.Equal([("<|a", 1), ("x", -1), ("|>", 4)], Split(set, "<|ax|>"));
    }

    [Fact]
    public void Special_tokens_follow_the_policy_and_added_tokens_always_match()
    {
        var set = Set(Token(7, "<s>", special: true), Token(8, "</s>", special: true), Token(9, "<think>"));
        string text = "a<s>b<think></s>";
        Assert.Equal([("a", -1), ("<s>", 7), ("b", -1), ("<think>", 9), ("</s>", 8)], Split(set, text, SpecialTokenPolicy.All));
        // None: special text is ordinary text (Hugging Face's encode_special_tokens: the match is skipped, not re-searched).
        Assert.Equal([("a<s>b", -1), ("<think>", 9), ("</s>", -1)], Split(set, text, SpecialTokenPolicy.None));
        Assert.Equal([("a", -1), ("<s>", 7), ("b", -1), ("<think>", 9), ("</s>", -1)], Split(set, text, SpecialTokenPolicy.Allow("<s>")));
        var refused = Assert.Throws<DisallowedSpecialTokenException>(() => Split(set, text, SpecialTokenPolicy.AllowOnly("<s>")));
        Assert.Equal(("</s>", 12), (refused.Token, refused.Position));
        refused = Assert.Throws<DisallowedSpecialTokenException>(() => Split(set, text, SpecialTokenPolicy.Disallow));
        Assert.Equal(("<s>", 1), (refused.Token, refused.Position));
        Assert.Equal([("plain <think", -1)], Split(set, "plain <think", SpecialTokenPolicy.Disallow));
    }

    [Fact]
    public void A_skipped_special_token_hides_the_tokens_inside_it()
    {
        // The automaton reports the special token, the policy drops it, the search goes on after it.
        var set = Set(Token(1, "<|x|>", special: true), Token(2, "x"));
        Assert.Equal([("<|x|>", -1)], Split(set, "<|x|>", SpecialTokenPolicy.None));
        Assert.Equal([("<|", -1), ("x", 2), ("|", -1)], Split(set, "<|x|", SpecialTokenPolicy.None));
    }
}
