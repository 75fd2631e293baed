namespace Tokenizers.Generator.Model;

/// <summary>What one [GeneratedTokenizer] asks for (<see cref="Key"/>) and where it is written (<see cref="Locations"/>); holds no symbols.</summary>
internal sealed record TokenizerRequest(TokenizerKey Key, RequestLocations Locations);

/// <summary>
/// Where the declaration and the attribute's arguments are written. A diagnostic's <see cref="DiagnosticAnchor"/> is
/// turned into one of these in the last, cheap step; an argument written nowhere falls back to the whole attribute.
/// </summary>
internal sealed record RequestLocations(
    LocationInfo? Attribute,
    LocationInfo? ClassName,
    LocationInfo? Vocabulary,
    LocationInfo? Merges,
    LocationInfo? PreTokenizer,
    LocationInfo? SplitRegex,
    LocationInfo? Pattern,
    LocationInfo? UnknownToken,
    EquatableArray<LocationInfo> SpecialTokens)
{
    public LocationInfo? Resolve(DiagnosticAnchor anchor) => anchor.Kind switch
    {
        AnchorKind.File => anchor.File,
        AnchorKind.ClassName => ClassName ?? Attribute,
        AnchorKind.Vocabulary => Vocabulary ?? Attribute,
        AnchorKind.Merges => Merges ?? Attribute,
        AnchorKind.PreTokenizer => PreTokenizer ?? Attribute,
        AnchorKind.SplitRegex => SplitRegex ?? Attribute,
        AnchorKind.Pattern => Pattern ?? Attribute,
        AnchorKind.UnknownToken => UnknownToken ?? Attribute,
        AnchorKind.SpecialToken => anchor.Index < SpecialTokens.Count ? SpecialTokens[anchor.Index] : Attribute,
        _ => Attribute,
    };
}
