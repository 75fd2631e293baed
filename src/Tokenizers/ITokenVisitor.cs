namespace Tokenizers;

/// <summary>
/// Takes the tokens of a text in order, each with the chars it stands for, from
/// <see cref="ITokenizer.VisitTokens{TVisitor}"/>: offsets with no list allocated. Implement it on a struct, so that
/// each visitor gets its own inlined code.
/// </summary>
public interface ITokenVisitor
{
    /// <summary>Takes token <paramref name="id"/> over chars [<paramref name="start"/>, <paramref name="end"/>) of the text; false stops the encoding.</summary>
    bool Visit(int id, int start, int end);
}
