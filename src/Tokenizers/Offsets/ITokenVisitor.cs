namespace Tokenizers.Offsets;

/// <summary>Takes the tokens of a text in order; a struct type argument, so each use gets its own inlined code.</summary>
internal interface ITokenVisitor
{
    /// <summary>Takes token <paramref name="id"/> over chars [<paramref name="start"/>, <paramref name="end"/>); false stops the encoding.</summary>
    bool Visit(int id, int start, int end);
}
