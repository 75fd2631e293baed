using System;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp;

/// <summary>A batch of windows: int64 <c>[rows, max_length]</c> inputs and the targets shifted by one token.</summary>
public readonly record struct TokenBatch(Tensor Input, Tensor Target) : IDisposable
{
    /// <summary>Number of windows in the batch (the last batch may be short unless drop_last).</summary>
    public long Rows => Input.size(0);

    public void Dispose()
    {
        Input.Dispose();
        Target.Dispose();
    }
}
