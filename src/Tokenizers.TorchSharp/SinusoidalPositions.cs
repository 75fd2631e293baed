using System;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp;

/// <summary>The fixed positional encodings of "Attention Is All You Need".</summary>
public static class SinusoidalPositions
{
    /// <summary>
    /// A float32 <c>[contextLength, dim]</c> table: entry (p, 2i) is sin(p / 10000^(2i/dim)) and entry (p, 2i + 1) is
    /// cos(p / 10000^(2i/dim)).
    /// </summary>
    public static Tensor Create(long contextLength, long dim)
    {
        if (contextLength < 1) throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "The context length must be at least 1.");
        if (dim < 1) throw new ArgumentOutOfRangeException(nameof(dim), dim, "The dimension must be at least 1.");

        var table = new float[checked(contextLength * dim)];
        for (long i = 0; i < dim; i++)
        {
            double frequency = Math.Pow(10000.0, -(i - (i & 1)) / (double)dim);
            bool even = (i & 1) == 0;
            for (long p = 0; p < contextLength; p++)
            {
                double angle = p * frequency;
                table[p * dim + i] = (float)(even ? Math.Sin(angle) : Math.Cos(angle));
            }
        }
        return tensor(table, [contextLength, dim]);
    }
}
