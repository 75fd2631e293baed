using System;

namespace Tokenizers;

/// <summary>
/// A token of an encoded text: its id and the chars of the caller's string it stands for,
/// <c>[<see cref="Index"/>, <see cref="Index"/> + <see cref="Length"/>)</c>. A token that holds only part of a character's
/// UTF-8 covers that whole character, so neighbours that split a character overlap on it (as ML.Tokenizers' offsets do);
/// a token the tokenizer added (a prepended <c>▁</c> or space) has length 0.
/// </summary>
public readonly record struct TokenOffset(int Id, int Index, int Length)
{
    /// <summary>The index after the token's last char.</summary>
    public int End => Index + Length;

    /// <summary>The chars as a <see cref="Range"/>, as ML.Tokenizers' <c>EncodedToken.Offset</c>.</summary>
    public Range Offset => new(Index, Index + Length);
}
