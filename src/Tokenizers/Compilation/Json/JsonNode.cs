namespace Tokenizers.Compilation.Json;

/// <summary>
/// One value of a parsed document, stored in document order in one array (a tape) so that a 33 MB file is one
/// allocation rather than millions of objects. A container's descendants follow it; <see cref="Extent"/> says where
/// they end.
/// </summary>
internal struct JsonNode
{
    /// <summary>Where the value starts in the text (a string's opening quote).</summary>
    public int Offset;

    /// <summary>The zero-based line of <see cref="Offset"/>.</summary>
    public int Line;

    /// <summary>A scalar's length in the text; a container's index just past its last descendant.</summary>
    public int Extent;

    /// <summary>An array's items or an object's members.</summary>
    public int Count;

    public JsonKind Kind;

    /// <summary>A string holds escapes (so it is not its raw text); a number has a fraction or an exponent.</summary>
    public bool Flag;
}
