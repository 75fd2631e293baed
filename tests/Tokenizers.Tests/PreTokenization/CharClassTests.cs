using Tokenizers.PreTokenization;

namespace Tokenizers.Tests.PreTokenization;

public class CharClassTests
{
    [Fact]
    public void TheConstantAsciiTableAgreesWithClassify()
    {
        for (int c = 0; c < 128; c++)
            Assert.Equal(CharClass.Classify(c), CharClass.ClassAt(((char)c).ToString(), 0, out _));
    }
}
