namespace Tokenizers.OpenAI.Tests;

/// <summary>Every reference vector, through the compiled encodings: ordinary and with special tokens allowed.</summary>
public class TiktokenDifferentialTests
{
    public static TheoryData<string> Gpt2 => ReferenceVectors.Names("gpt2");
    public static TheoryData<string> R50k => ReferenceVectors.Names("r50k_base");
    public static TheoryData<string> P50k => ReferenceVectors.Names("p50k_base");
    public static TheoryData<string> Cl100k => ReferenceVectors.Names("cl100k_base");
    public static TheoryData<string> O200k => ReferenceVectors.Names("o200k_base");

    private static void Check(string encoding, string name)
    {
        var vector = ReferenceVectors.Get(encoding, name);
        var tokenizer = OpenAIEncodings.Get(encoding);
        Assert.Equal(vector.Ids, tokenizer.EncodeToIds(vector.Text));
        Assert.Equal(vector.Ids.Length, tokenizer.CountTokens(vector.Text));
        if (vector.IdsAllowingSpecial is not null)
            Assert.Equal(vector.IdsAllowingSpecial, tokenizer.EncodeToIds(vector.Text, SpecialTokenPolicy.All));
    }

    [Theory, MemberData(nameof(Gpt2))]
    public void Gpt2Matches(string name) => Check("gpt2", name);

    [Theory, MemberData(nameof(R50k))]
    public void R50kMatches(string name) => Check("r50k_base", name);

    [Theory, MemberData(nameof(P50k))]
    public void P50kMatches(string name) => Check("p50k_base", name);

    [Theory, MemberData(nameof(Cl100k))]
    public void Cl100kMatches(string name) => Check("cl100k_base", name);

    [Theory, MemberData(nameof(O200k))]
    public void O200kMatches(string name) => Check("o200k_base", name);

    [Fact]
    public void EveryEncodingHasVectors()
    {
        foreach (string name in OpenAIEncodings.Names)
            Assert.Contains(ReferenceVectors.All, v => v.Encoding == name);
    }
}
