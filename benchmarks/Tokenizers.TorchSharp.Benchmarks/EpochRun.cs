using System;
using System.Diagnostics;
using System.IO;
using Tokenizers.Data;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Benchmarks;

/// <summary>
/// One full epoch over the whole corpus file, tracking this process's resident memory: the point is that it stays far
/// below the file size, because the reader maps only a few views of the file at a time.
/// </summary>
internal static class EpochRun
{
    public static void Run(int batchSize, int maxLength, bool shuffle, bool newTensors, int viewBytes, int maxViews)
    {
        string path = CorpusFile.Ensure(CorpusFile.Tokens);
        double fileMiB = new FileInfo(path).Length / 1048576.0;

        using Tensor warm = ones(1); // load libtorch before the baseline
        ProcessMemory before = ProcessMemory.Now();

        using TokenSource tokens = TokenSource.FromFile(TokenFileReader.Open(path, TokenFileWidth.UInt16, viewBytes, maxViews), ownsReader: true);
        var batcher = new TokenWindowBatcher(tokens, maxLength, maxLength, batchSize, shuffle, seed: 1, dropLast: true);
        using Tensor input = empty(batchSize, maxLength, ScalarType.Int64), target = empty(batchSize, maxLength, ScalarType.Int64);

        double maxRss = before.Rss;
        long checksum = 0;
        var watch = Stopwatch.StartNew();
        for (long b = 0; b < batcher.Count; b++)
        {
            if (newTensors)
            {
                using TokenBatch batch = batcher.GetBatch(0, b);
                checksum += batch.Rows;
            }
            else
            {
                checksum += batcher.ReadBatch(0, b, input, target);
            }
            if ((b & 1023) == 0) maxRss = Math.Max(maxRss, ProcessMemory.Now().Rss);
        }
        double seconds = watch.Elapsed.TotalSeconds;
        ProcessMemory after = ProcessMemory.Now();
        maxRss = Math.Max(maxRss, after.Rss);

        Console.WriteLine($"Corpus:  {tokens.Count:N0} tokens, uint16, {fileMiB:N0} MiB ({path})");
        Console.WriteLine($"Epoch:   {batcher.Count:N0} batches of {batchSize} x {maxLength}, stride {maxLength}, shuffle {shuffle}, {(newTensors ? "new" : "reused")} tensors, views {maxViews} x {viewBytes / 1024:N0} KiB");
        Console.WriteLine($"Speed:   {seconds:N2} s, {batcher.Count / seconds:N0} batches/s, {batcher.Count * (double)batchSize * maxLength / seconds / 1e6:N0} M tokens/s (checksum {checksum})");
        Console.WriteLine($"Before:  {before}");
        Console.WriteLine($"After:   {after}");
        Console.WriteLine($"Max RSS during the epoch: {maxRss:N0} MiB; growth over the baseline {maxRss - before.Rss:N0} MiB, {(maxRss - before.Rss) / fileMiB:P1} of the file");
    }
}
