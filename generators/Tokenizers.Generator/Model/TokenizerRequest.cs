namespace Tokenizers.Generator.Model;

/// <summary>
/// What one [GeneratedTokenizer] asks for, read from syntax and semantics; holds no symbols. The argument
/// locations point at the attribute's arguments (each falls back to the whole attribute), so a diagnostic about
/// an argument underlines that argument.
/// </summary>
internal sealed record TokenizerRequest(
    string? Namespace,
    string ClassName,
    string Accessibility,
    string VocabularyPath,
    string? MergesPath,
    string? Pattern,
    EquatableArray<string> SpecialTokens,
    string? UnknownToken,
    LocationInfo? AttributeLocation,
    EquatableArray<DiagnosticInfo> Diagnostics,
    LocationInfo? VocabularyLocation = null,
    LocationInfo? MergesLocation = null,
    LocationInfo? PatternLocation = null,
    LocationInfo? UnknownTokenLocation = null,
    EquatableArray<LocationInfo> SpecialTokenLocations = default)
{
    /// <summary>Where the <paramref name="index"/>th special token is written.</summary>
    public LocationInfo? SpecialTokenLocation(int index)
        => index < SpecialTokenLocations.Count ? SpecialTokenLocations[index] : AttributeLocation;

    /// <summary>Where an attribute path is written: the vocabulary or the merges argument.</summary>
    public LocationInfo? PathLocation(string path)
        => (path == MergesPath && path != VocabularyPath ? MergesLocation : VocabularyLocation) ?? AttributeLocation;
}
