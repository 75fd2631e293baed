using Tokenizers.PreTokenization.Regex;

namespace Tokenizers.Tests.PreTokenization;

/// <summary>What the compiler does not reproduce exactly is refused, naming the construct and where it starts.</summary>
public class RegexPatternErrorTests
{
    [Theory]
    [InlineData("(?<=a)b", "look-behind (?<=", 0)]
    [InlineData("a(?<!b)", "look-behind (?<!", 1)]
    [InlineData(@"x\w+", @"\w (Unicode word characters)", 1)]
    [InlineData(@"\bx", @"\b (Unicode word characters)", 0)]
    [InlineData(@"(a)\1", @"back-reference or octal escape \1", 3)]
    [InlineData(@"a|\p{Han}", @"Unicode property \p{Han}", 2)]
    [InlineData("[[:alpha:]]", "POSIX bracket [:", 1)]
    [InlineData("[a[b]]", "nested character class", 2)]
    [InlineData("[a-z&&b]", "class intersection &&", 4)]
    [InlineData("(?i:'ß)", "case-insensitive non-ASCII letter U+00DF", 5)]
    [InlineData("(?i:x|ss)", "case-insensitive 's' where a multi-character case fold could apply (ß = ss, ﬁ = fi, …)", 6)]
    [InlineData("(?i)(?:f)i", "case-insensitive 'f' where a multi-character case fold could apply (ß = ss, ﬁ = fi, …)", 7)]
    [InlineData("(ab", "unterminated group", 0)]
    [InlineData("ab)", "unmatched )", 2)]
    [InlineData("a|*b", "quantifier * with nothing to repeat", 2)]
    [InlineData("(?:a*)+", "repetition of an expression that can match empty", 0)]
    [InlineData("a{3,2}", "interval with upper bound below lower bound", 1)]
    [InlineData("a{2}?", "optional fixed repeat {n}?", 1)]
    [InlineData("a**", "repeated quantifier *", 2)]
    [InlineData(@"\X", @"escape \X", 0)]
    [InlineData(@"a\K", @"escape \K", 1)]
    [InlineData(@"\Gx", @"escape \G", 0)]
    [InlineData("(?x) a", "extended-mode option (?x", 0)]
    [InlineData("(?~a)", "absent expression (?~", 0)]
    [InlineData("[abc", "unterminated character class", 0)]
    [InlineData(@"[\s-z]", "range starting at a class escape", 1)]
    [InlineData("[z-a]", "empty range in character class", 1)]
    [InlineData("a\\", @"\ at the end of the pattern", 1)]
    [InlineData("x{1001}", "repeat count above 1000", 1)]
    public void UnsupportedConstructIsLocated(string pattern, string construct, int offset)
    {
        var error = Assert.Throws<RegexPatternException>(() => OnigRegex.Compile(pattern));
        Assert.Equal(construct, error.Construct);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(construct, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Theory]
    [MemberData(nameof(HfPatternNames))]
    public void RealPatternsCompile(string name) => Assert.Equal(HfPatterns.ByName[name], OnigRegex.Compile(HfPatterns.ByName[name]).Pattern);

    public static TheoryData<string> HfPatternNames => HfPatterns.Names;

    /// <summary>Case-insensitive letters fold as Oniguruma folds them: s = S = ſ, k = K = K (Kelvin), others in ASCII.</summary>
    [Theory]
    [InlineData("(?i:'s)", "'ſ", true)]
    [InlineData("(?i:'s)", "'S", true)]
    [InlineData("(?i:k)", "\u212A", true)]
    [InlineData("(?i:[^k])", "\u212A", false)]
    [InlineData("(?i:'t)", "'T", true)]
    [InlineData("(?i:'re)", "'rE", true)]
    [InlineData("(?i:\\p{Lu})", "a", false)]
    [InlineData("(?i:i)", "\u0130", false)]
    [InlineData("(?i:i)", "\u0131", false)]
    [InlineData("a(?i)b|c", "c", false)]  // (?i) covers the rest of its group, alternatives included: a(?i:b|c)
    [InlineData("a(?i)b|c", "aC", true)]
    [InlineData("(?i:'s)x", "'SX", false)]
    public void CaseInsensitiveMatches(string pattern, string text, bool whole)
    {
        bool found = OnigRegex.Compile(pattern).TryFind(text, 0, out int start, out int length);
        Assert.Equal(whole, found && start == 0 && length == text.Length);
    }
}
