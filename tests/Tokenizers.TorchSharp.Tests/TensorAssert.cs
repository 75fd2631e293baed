using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Tests;

internal static class TensorAssert
{
    public static long[] Longs(Tensor t) => t.data<long>().ToArray();

    public static long[] Row(long[,] rows, int r) => Enumerable.Range(0, rows.GetLength(1)).Select(c => rows[r, c]).ToArray();

    public static long[] Slice(int[] ids, long start, int length) => ids.Skip((int)start).Take(length).Select(i => (long)i).ToArray();

    public static void Equal(long[,] expected, Tensor actual)
    {
        Assert.Equal(new long[] { expected.GetLength(0), expected.GetLength(1) }, actual.shape);
        Assert.Equal(ScalarType.Int64, actual.dtype);
        Assert.Equal(expected.Cast<long>().ToArray(), Longs(actual));
    }
}
