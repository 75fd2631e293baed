namespace Tokenizers.Tests.HuggingFace;

/// <summary>What a call allocates once warm: the first call fills per-thread caches and pools and is compiled.</summary>
internal static class SecondCallAllocation
{
    /// <summary>Calls <paramref name="count"/> twice; the two results, and the bytes the second allocated on this thread.</summary>
    public static (int Warm, int Count, long Allocated) Measure(Func<int> count)
    {
        int warm = count();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int second = count();
        return (warm, second, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
