using System.Buffers;
using Microsoft.ML.Tokenizers;
using Tokenizers.OpenAI;
using Tokenizers.OpenAI.Tests;

namespace Tokenizers.MLTokenizers.Tests;

/// <summary>
/// The adapter against ML.Tokenizers' own <see cref="TiktokenTokenizer"/> on every cl100k_base and o200k_base line of
/// ../shared/vectors/tiktoken-vectors.jsonl: where ML.Tokenizers gives tiktoken's ids, the adapter gives the same ids,
/// tokens (id, offset, value), counts, prefix and suffix indices for every budget, truncated ids, and decoded text, in
/// a string and into buffers of every size. Where ML.Tokenizers does not give tiktoken's ids, the text has a character
/// above U+FFFF or a lone surrogate (its .NET regex sees UTF-16 surrogates, tiktoken code points), and the adapter
/// gives tiktoken's ids.
/// </summary>
public sealed class TiktokenTokenizerAgreementTests
{
    public static TheoryData<string> Cl100k => ReferenceVectors.Names("cl100k_base");

    public static TheoryData<string> O200k => ReferenceVectors.Names("o200k_base");

    [Theory, MemberData(nameof(Cl100k))]
    public void Cl100kBase(string name) => Check("cl100k_base", name);

    [Theory, MemberData(nameof(O200k))]
    public void O200kBase(string name) => Check("o200k_base", name);

    /// <summary>
    /// The differences are only the documented ones: none of the 305 cl100k_base vectors (152 have characters above
    /// U+FFFF or lone surrogates), 2 of the 305 o200k_base ones, so every other vector is compared in full.
    /// </summary>
    [Theory, InlineData("cl100k_base", 0), InlineData("o200k_base", 2)]
    public void MLTokenizersDiffersOnlyOnSurrogates(string encoding, int differences)
    {
        var vectors = ReferenceVectors.All.Where(v => v.Encoding == encoding).ToList();
        var differing = vectors.Where(v => !Models.ML(encoding).EncodeToIds(v.Text).SequenceEqual(Expected(v))).ToList();
        Assert.All(differing, v => Assert.True(HasSurrogate(v.Text), v.Name));
        Assert.Equal(differences, differing.Count);
    }

    private static void Check(string encoding, string name)
    {
        var vector = ReferenceVectors.Get(encoding, name);
        string text = vector.Text;
        int[] expected = Expected(vector);
        Tokenizer ml = Models.ML(encoding), ours = Models.Ours(encoding);
        Assert.Equal(expected, ours.EncodeToIds(text));
        if (!ml.EncodeToIds(text).SequenceEqual(expected))
        {
            Assert.True(HasSurrogate(text), "ML.Tokenizers differs from tiktoken on text without surrogates");
            return;
        }

        Assert.Equal(Tokens(ml.EncodeToTokens(text, out _)), Tokens(ours.EncodeToTokens(text, out _)));
        Assert.Equal(ml.CountTokens(text), ours.CountTokens(text));
        foreach (int budget in Budgets(expected.Length))
        {
            Assert.Equal((ml.GetIndexByTokenCount(text, budget, out _, out int mlCount), mlCount),
                (ours.GetIndexByTokenCount(text, budget, out _, out int ourCount), ourCount));
            Assert.Equal((ml.GetIndexByTokenCountFromEnd(text, budget, out _, out mlCount), mlCount),
                (ours.GetIndexByTokenCountFromEnd(text, budget, out _, out ourCount), ourCount));
            var mlIds = ml.EncodeToIds(text, budget, out _, out int mlConsumed);
            var ourIds = ours.EncodeToIds(text, budget, out _, out int ourConsumed);
            Assert.Equal(mlIds, ourIds);
            Assert.Equal(mlConsumed, ourConsumed);
            Assert.Equal(ml.CountTokens(text.AsSpan(0, mlConsumed)), ours.CountTokens(text.AsSpan(0, ourConsumed)));
        }

        Assert.Equal(ml.Decode(expected), ours.Decode(expected));
        foreach (int size in Budgets(text.Length + 1))
        {
            char[] mlBuffer = new char[size], ourBuffer = new char[size];
            var mlStatus = ml.Decode(expected, mlBuffer, out int mlIdsUsed, out int mlChars);
            var ourStatus = ours.Decode(expected, ourBuffer, out int ourIdsUsed, out int ourChars);
            Assert.Equal((mlStatus, mlIdsUsed, mlChars), (ourStatus, ourIdsUsed, ourChars));
            Assert.Equal(mlBuffer.AsSpan(0, mlChars).ToString(), ourBuffer.AsSpan(0, ourChars).ToString());
        }
    }

    private static int[] Expected(ReferenceVector v) => v.IdsAllowingSpecial ?? v.Ids;

    private static bool HasSurrogate(string text) => text.Any(char.IsSurrogate);

    private static IEnumerable<(int, Range, string)> Tokens(IReadOnlyList<EncodedToken> tokens) => tokens.Select(t => (t.Id, t.Offset, t.Value));

    /// <summary>Every budget up to 40, then a spread up to one past the count.</summary>
    internal static IEnumerable<int> Budgets(int count)
    {
        var budgets = new SortedSet<int>();
        for (int b = 1; b <= Math.Min(count + 1, 40); b++) budgets.Add(b);
        for (int b = 41; b <= count + 1; b = b * 5 / 4 + 1) budgets.Add(b);
        budgets.Add(count + 1);
        if (count > 1) budgets.Add(count - 1);
        budgets.Add(Math.Max(1, count));
        return budgets;
    }
}

/// <summary>The tokenizers compared: ML.Tokenizers' own, and ours through the adapter.</summary>
internal static class Models
{
    private static readonly Lazy<Tokenizer> s_mlCl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));
    private static readonly Lazy<Tokenizer> s_mlO200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static Tokenizer ML(string encoding) => encoding == "cl100k_base" ? s_mlCl100k.Value : s_mlO200k.Value;

    public static Tokenizer Ours(string encoding) => OpenAIEncodings.Get(encoding).AsMLTokenizer();
}
