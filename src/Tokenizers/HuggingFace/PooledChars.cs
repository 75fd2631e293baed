using System;
using System.Buffers;

namespace Tokenizers.HuggingFace;

/// <summary>
/// Text built in an array of <see cref="ArrayPool{T}.Shared"/>, so that normalizing a long text makes no string
/// (a 1 MB call would otherwise allocate the builder's chars and the string's). Dispose returns the array.
/// </summary>
internal struct PooledChars : IDisposable
{
    private char[]? _chars;

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    /// <summary>Room for <paramref name="count"/> more chars, to be written and then <see cref="Advance"/>d.</summary>
    public Span<char> Reserve(int count)
    {
        if (_chars is null || _chars.Length - Length < count)
        {
            char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(Length + count, Math.Max(256, Length * 2)));
            Span.CopyTo(larger);
            if (_chars is not null) ArrayPool<char>.Shared.Return(_chars);
            _chars = larger;
        }
        return _chars.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        Length += text.Length;
    }

    /// <summary>Makes each lone surrogate U+FFFD, in place.</summary>
    public readonly void ReplaceLoneSurrogates() => UnicodeRules.ReplaceLoneSurrogates(_chars.AsSpan(0, Length));

    public override readonly string ToString() => new(Span);

    public void Dispose()
    {
        if (_chars is not null) ArrayPool<char>.Shared.Return(_chars);
        _chars = null;
        Length = 0;
    }
}
