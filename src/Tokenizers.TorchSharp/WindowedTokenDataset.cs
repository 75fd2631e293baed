using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp;

/// <summary>
/// The notebook's <c>GPTDatasetV1</c> as a TorchSharp map-style dataset: item i is the window
/// <see cref="WindowLayout.StartOf"/>(i) of <see cref="WindowLayout.MaxLength"/> tokens under <see cref="InputKey"/> and
/// the same window shifted by one under <see cref="TargetKey"/>, both int64 vectors. Items are cut on demand, so
/// the corpus can be a memory-mapped file larger than RAM. Use it with
/// <c>torch.utils.data.DataLoader(dataset, batchSize, shuffle, seed: …, drop_last: …)</c>; for speed, prefer
/// <see cref="TokenWindowBatcher"/>, which writes whole batches without per-item tensors and dictionaries.
/// </summary>
public sealed class WindowedTokenDataset : utils.data.Dataset
{
    /// <summary>Key of the input window in an item (and in a DataLoader batch).</summary>
    public const string InputKey = "input";

    /// <summary>Key of the target window in an item (and in a DataLoader batch).</summary>
    public const string TargetKey = "target";

    private readonly TokenSource _tokens;
    private readonly bool _ownsTokens;

    /// <param name="tokens">The corpus.</param>
    /// <param name="maxLength">Tokens per window.</param>
    /// <param name="stride">Tokens between window starts.</param>
    /// <param name="ownsTokens">Whether disposing the dataset disposes <paramref name="tokens"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="WindowLayout(long, int, int)"/>.</exception>
    public WindowedTokenDataset(TokenSource tokens, int maxLength, int stride, bool ownsTokens = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Layout = new WindowLayout(tokens.Count, maxLength, stride);
        _tokens = tokens;
        _ownsTokens = ownsTokens;
    }

    public WindowLayout Layout { get; }

    /// <summary>Number of windows.</summary>
    public override long Count => Layout.Count;

    /// <summary>Window <paramref name="index"/> as a dictionary of <see cref="InputKey"/> and <see cref="TargetKey"/>.</summary>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        (Tensor input, Tensor target) = GetItem(index);
        return new Dictionary<string, Tensor> { [InputKey] = input, [TargetKey] = target };
    }

    /// <summary>Window <paramref name="index"/>: int64 input and target vectors of <see cref="WindowLayout.MaxLength"/> tokens.</summary>
    public (Tensor Input, Tensor Target) GetItem(long index)
    {
        long start = Layout.StartOf(index);
        Tensor input = empty(Layout.MaxLength, ScalarType.Int64);
        Tensor target = empty(Layout.MaxLength, ScalarType.Int64);
        _tokens.Read(start, MemoryMarshal.Cast<byte, long>(input.bytes));
        _tokens.Read(start + 1, MemoryMarshal.Cast<byte, long>(target.bytes));
        return (input, target);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsTokens) _tokens.Dispose();
        base.Dispose(disposing);
    }
}
