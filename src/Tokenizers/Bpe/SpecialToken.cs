namespace Tokenizers.Bpe;

/// <summary>A special token: its text and id. Never produced from ordinary text.</summary>
public readonly record struct SpecialToken(string Text, int Id);
