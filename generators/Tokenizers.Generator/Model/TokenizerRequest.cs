namespace Tokenizers.Generator.Model;

/// <summary>What one [GeneratedTokenizer] asks for, read from syntax and semantics; holds no symbols.</summary>
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
    EquatableArray<DiagnosticInfo> Diagnostics);
