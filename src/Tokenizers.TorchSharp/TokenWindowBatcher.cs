using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp;

/// <summary>
/// The notebook's <c>DataLoader(GPTDatasetV1(...), batch_size, shuffle, drop_last)</c> without per-item tensors: each
/// batch's int64 <c>[batch, max_length]</c> input and target tensors are written straight from the token source.
/// Enumerating yields one epoch; each enumeration is the next epoch, and with <c>shuffle</c> each epoch has its own
/// order, reproducible from the seed. As with TorchSharp's DataLoader, a batch is disposed when the enumeration moves
/// past it (pass <c>disposeBatches: false</c> to keep batches and dispose them yourself).
/// </summary>
public sealed class TokenWindowBatcher : IEnumerable<TokenBatch>
{
    private readonly TokenSource _tokens;
    private readonly Device? _device;
    private readonly bool _disposeBatches;
    private long _nextEpoch = -1;

    /// <param name="tokens">The corpus.</param>
    /// <param name="maxLength">Tokens per window.</param>
    /// <param name="stride">Tokens between window starts.</param>
    /// <param name="batchSize">Windows per batch.</param>
    /// <param name="shuffle">Visit windows in a pseudo-random order, a new one each epoch.</param>
    /// <param name="seed">Seed of the shuffle; null draws one at random.</param>
    /// <param name="dropLast">Leave out a last batch shorter than <paramref name="batchSize"/>.</param>
    /// <param name="device">Device of the batches; null or CPU builds them in place.</param>
    /// <param name="disposeBatches">Dispose each batch when the enumeration moves past it.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or the corpus is shorter than one window.</exception>
    public TokenWindowBatcher(TokenSource tokens, int maxLength, int stride, int batchSize, bool shuffle = false,
        long? seed = null, bool dropLast = false, Device? device = null, bool disposeBatches = true)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch_size must be at least 1.");
        Layout = new WindowLayout(tokens.Count, maxLength, stride);
        _tokens = tokens;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed ?? Random.Shared.NextInt64();
        DropLast = dropLast;
        _device = device;
        _disposeBatches = disposeBatches;
    }

    public WindowLayout Layout { get; }

    public int BatchSize { get; }

    public bool Shuffle { get; }

    /// <summary>The seed the shuffled orders derive from (drawn at random when none was given).</summary>
    public long Seed { get; }

    public bool DropLast { get; }

    /// <summary>Batches per epoch.</summary>
    public long Count => DropLast ? Layout.Count / BatchSize : (Layout.Count + BatchSize - 1) / BatchSize;

    /// <summary>The window at <paramref name="position"/> of epoch <paramref name="epoch"/>'s order.</summary>
    public long WindowAt(long epoch, long position)
    {
        if ((ulong)position >= (ulong)Layout.Count)
            throw new ArgumentOutOfRangeException(nameof(position), position, $"There are {Layout.Count} windows.");
        return new WindowOrder(Layout.Count, Shuffle, Seed, epoch)[position];
    }

    /// <summary>Number of windows in batch <paramref name="batch"/>.</summary>
    public int RowsOf(long batch)
    {
        if ((ulong)batch >= (ulong)Count)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"An epoch has {Count} batches.");
        return (int)Math.Min(BatchSize, Layout.Count - batch * BatchSize);
    }

    /// <summary>Builds batch <paramref name="batch"/> of epoch <paramref name="epoch"/> in new tensors; the caller disposes them.</summary>
    public TokenBatch GetBatch(long epoch, long batch)
    {
        int rows = RowsOf(batch);
        Tensor input = empty(rows, Layout.MaxLength, ScalarType.Int64);
        Tensor? target = null;
        try
        {
            target = empty(rows, Layout.MaxLength, ScalarType.Int64);
            ReadBatch(epoch, batch, input, target);
        }
        catch
        {
            input.Dispose();
            target?.Dispose();
            throw;
        }
        if (_device is null || _device.type == DeviceType.CPU) return new TokenBatch(input, target);
        using (input)
        using (target)
            return new TokenBatch(input.to(_device), target.to(_device));
    }

    /// <summary>
    /// Writes batch <paramref name="batch"/> of epoch <paramref name="epoch"/> into the first rows of existing CPU
    /// int64 tensors of shape <c>[≥ rows, max_length]</c>, allocating nothing. Returns the number of rows written.
    /// </summary>
    public int ReadBatch(long epoch, long batch, Tensor input, Tensor target)
    {
        int rows = RowsOf(batch);
        Span<long> inputs = RowsSpan(input, rows, nameof(input));
        Span<long> targets = RowsSpan(target, rows, nameof(target));
        var order = new WindowOrder(Layout.Count, Shuffle, Seed, epoch);
        int length = Layout.MaxLength;
        long first = batch * BatchSize;
        for (int row = 0; row < rows; row++)
        {
            long start = order[first + row] * Layout.Stride;
            _tokens.Read(start, inputs.Slice(row * length, length));
            _tokens.Read(start + 1, targets.Slice(row * length, length));
        }
        return rows;
    }

    /// <summary>The batches of epoch <paramref name="epoch"/>.</summary>
    public IEnumerable<TokenBatch> Epoch(long epoch)
    {
        TokenBatch? previous = null;
        try
        {
            for (long b = 0; b < Count; b++)
            {
                if (_disposeBatches) previous?.Dispose();
                TokenBatch current = GetBatch(epoch, b);
                previous = current;
                yield return current;
            }
        }
        finally
        {
            if (_disposeBatches) previous?.Dispose();
        }
    }

    /// <summary>The batches of the next epoch: 0 on the first enumeration, then 1, 2, …</summary>
    public IEnumerator<TokenBatch> GetEnumerator() => Epoch(Interlocked.Increment(ref _nextEpoch)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Span<long> RowsSpan(Tensor tensor, int rows, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.dtype != ScalarType.Int64 || tensor.device_type != DeviceType.CPU || !tensor.is_contiguous()
            || tensor.dim() != 2 || tensor.size(0) < rows || tensor.size(1) != Layout.MaxLength)
            throw new ArgumentException($"Expected a contiguous CPU int64 tensor of shape [>= {rows}, {Layout.MaxLength}].", name);
        return MemoryMarshal.Cast<byte, long>(tensor.bytes)[..(rows * Layout.MaxLength)];
    }
}
