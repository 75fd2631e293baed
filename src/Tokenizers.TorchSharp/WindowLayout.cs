using System;

namespace Tokenizers.TorchSharp;

/// <summary>
/// Where the sliding windows of a token sequence lie: window i takes inputs tokens[i·stride, i·stride + maxLength) and
/// targets one token further on. As in the notebook's <c>range(0, len(tokens) - max_length, stride)</c>, a window
/// starts wherever its target still fits: <see cref="Count"/> = ⌈(tokens − maxLength) / stride⌉.
/// </summary>
public readonly record struct WindowLayout
{
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="maxLength"/> or <paramref name="stride"/> is below 1, or the corpus is shorter than one window
    /// plus its shifted target.
    /// </exception>
    public WindowLayout(long tokenCount, int maxLength, int stride)
    {
        if (maxLength < 1)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "max_length must be at least 1.");
        if (stride < 1)
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be at least 1.");
        if (tokenCount <= maxLength)
            throw new ArgumentOutOfRangeException(nameof(tokenCount), tokenCount,
                $"The corpus has {tokenCount} tokens; a window of max_length {maxLength} needs at least {(long)maxLength + 1} (its inputs plus the target shifted by one).");

        TokenCount = tokenCount;
        MaxLength = maxLength;
        Stride = stride;
        Count = (tokenCount - maxLength + stride - 1) / stride;
    }

    /// <summary>Tokens in the corpus.</summary>
    public long TokenCount { get; }

    /// <summary>Tokens per window (the context length).</summary>
    public int MaxLength { get; }

    /// <summary>Tokens between the starts of consecutive windows.</summary>
    public int Stride { get; }

    /// <summary>Number of windows.</summary>
    public long Count { get; }

    /// <summary>Index of the first input token of window <paramref name="window"/>.</summary>
    public long StartOf(long window)
    {
        if ((ulong)window >= (ulong)Count)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"There are {Count} windows.");
        return window * Stride;
    }
}
