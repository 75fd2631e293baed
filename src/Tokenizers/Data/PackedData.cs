using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tokenizers.Data;

/// <summary>
/// Views over tables that generated code carries as string literals, two bytes per <c>char</c>: a literal compiles
/// in no measurable time and is mapped straight from the assembly, where an array initializer of the same size
/// costs the compiler minutes. Tables are little-endian; big-endian machines are not supported.
/// </summary>
internal static class PackedData
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<int> AsInt32(string data) => MemoryMarshal.Cast<char, int>(data.AsSpan());

    internal static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Generated tokenizer tables are little-endian; this machine is big-endian.");
    }
}
