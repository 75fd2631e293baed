namespace Tokenizers.Generator.Model;

/// <summary>What a diagnostic points at: a part of the declaration, or a span of a vocabulary file.</summary>
internal enum AnchorKind
{
    Attribute,
    ClassName,
    Vocabulary,
    Merges,
    PreTokenizer,
    SplitRegex,
    Pattern,
    UnknownToken,
    SpecialToken,
    File,
}

/// <summary>
/// Where a diagnostic belongs, said without source positions (a part of the declaration, found in
/// <see cref="RequestLocations"/> at the end), or as a span of a vocabulary file (a position in its content).
/// </summary>
internal sealed record DiagnosticAnchor(AnchorKind Kind, int Index = 0, LocationInfo? File = null)
{
    public static readonly DiagnosticAnchor Attribute = new(AnchorKind.Attribute);
    public static readonly DiagnosticAnchor ClassName = new(AnchorKind.ClassName);
    public static readonly DiagnosticAnchor Vocabulary = new(AnchorKind.Vocabulary);
    public static readonly DiagnosticAnchor Merges = new(AnchorKind.Merges);
    public static readonly DiagnosticAnchor PreTokenizer = new(AnchorKind.PreTokenizer);
    public static readonly DiagnosticAnchor SplitRegex = new(AnchorKind.SplitRegex);
    public static readonly DiagnosticAnchor Pattern = new(AnchorKind.Pattern);
    public static readonly DiagnosticAnchor UnknownToken = new(AnchorKind.UnknownToken);

    public static DiagnosticAnchor SpecialToken(int index) => new(AnchorKind.SpecialToken, index);

    public static DiagnosticAnchor InFile(LocationInfo location) => new(AnchorKind.File, File: location);

    /// <summary>The argument that names <paramref name="path"/>: the merges argument, or the vocabulary one.</summary>
    public static DiagnosticAnchor PathArgument(TokenizerKey key, string path)
        => path == key.MergesPath && path != key.VocabularyPath ? Merges : Vocabulary;
}
