using System.Reflection;
using Tokenizers.Data;

namespace Tokenizers.Tests.Data;

/// <summary>
/// Generated tables are found in their assembly's string heap by a key: the heap is walked once per assembly, and a
/// metadata reader that fails (Mono's may throw) falls back to the literal instead of failing a type initializer.
/// </summary>
public unsafe class StringHeapIndexTests
{
    // In this assembly's #US heap, as a generated table is in its tokenizer's.
    private const string Literal = "\uFDD0Test.Heap:2\uFDD1\u0201\u0403";

    private static readonly Assembly s_assembly = typeof(StringHeapIndexTests).Assembly;

    [Fact]
    public void FindsATableInPlace()
    {
        ConstantTable table = ConstantTable.Find(s_assembly, "Test.Heap:2", static () => Literal);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, table.Bytes.ToArray());
        Assert.True(StringHeapIndex.For(s_assembly).TryGet("Test.Heap:2", out byte* data, out int length));
        Assert.Equal(4, length);
        Assert.True(data == (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(table.Bytes)));
    }

    [Fact]
    public void TheHeapIsWalkedOncePerAssembly()
    {
        StringHeapIndex first = StringHeapIndex.For(s_assembly);
        int walks = StringHeapIndex.Walks;
        for (int i = 0; i < 3; i++) ConstantTable.Find(s_assembly, "Test.Heap:2", static () => Literal);
        Assert.Same(first, StringHeapIndex.For(s_assembly));
        Assert.Equal(walks, StringHeapIndex.Walks);
    }

    [Fact]
    public void AMetadataReaderThatThrowsFallsBackToTheLiteral()
    {
        StringHeapIndex index = StringHeapIndex.Build(s_assembly, (Assembly _, out byte* m, out int n) => throw new NotImplementedException("Mono"));
        Assert.False(index.TryGet("Test.Heap:2", out _, out _));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, ConstantTable.Find(index, "Test.Heap:2", static () => Literal).Bytes.ToArray());
    }

    [Fact]
    public void AReaderWithNoMetadataFallsBackToTheLiteral()
    {
        StringHeapIndex index = StringHeapIndex.Build(s_assembly, (Assembly _, out byte* m, out int n) => { m = null; n = 0; return false; });
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, ConstantTable.Find(index, "Test.Heap:2", static () => Literal).Bytes.ToArray());
    }
}
