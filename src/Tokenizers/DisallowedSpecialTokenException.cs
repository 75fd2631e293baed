using System;

namespace Tokenizers;

/// <summary>Thrown when text spells a special token that the encoding's <see cref="SpecialTokenPolicy"/> refuses.</summary>
public sealed class DisallowedSpecialTokenException(string token, int position)
    : ArgumentException($"The text contains the special token '{token}' at character {position}, which is not allowed. " +
        "Pass SpecialTokenPolicy.All or SpecialTokenPolicy.Allow(...) to encode it as a special token, or SpecialTokenPolicy.None to encode it as text.")
{
    public string Token { get; } = token;

    public int Position { get; } = position;
}
