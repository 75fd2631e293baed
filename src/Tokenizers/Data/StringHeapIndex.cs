using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Tokenizers.Data;

/// <summary>
/// The generated tables of one assembly's string heap (<c>#US</c>), by key: the heap is walked once per assembly (a
/// few hundred jumps), not once per table, and each literal that starts with U+FDD0 key U+FDD1 is remembered.
/// </summary>
internal sealed unsafe class StringHeapIndex
{
    internal const char KeyStart = '\uFDD0', KeyEnd = '\uFDD1';

    /// <summary>Reads an assembly's raw metadata; a seam so tests can make it fail as Mono's may.</summary>
    internal delegate bool RawMetadataReader(Assembly assembly, out byte* metadata, out int length);

    private static readonly ConditionalWeakTable<Assembly, StringHeapIndex> s_indexes = new();
    private static readonly StringHeapIndex s_empty = new(new Dictionary<string, (IntPtr, int)>());

    private readonly Dictionary<string, (IntPtr Data, int Length)> _tables;

    private StringHeapIndex(Dictionary<string, (IntPtr, int)> tables) => _tables = tables;

    /// <summary>How many heaps have been walked, for the test that each is walked once.</summary>
    internal static int Walks => s_walks;

    private static int s_walks;

    /// <summary>The index of <paramref name="assembly"/>'s heap, built on first use.</summary>
    public static StringHeapIndex For(Assembly assembly) => s_indexes.GetValue(assembly, static a => Build(a, ReadRawMetadata));

    public bool TryGet(string key, out byte* data, out int length)
    {
        bool found = _tables.TryGetValue(key, out var table);
        data = (byte*)table.Data;
        length = table.Length;
        return found;
    }

    private static bool ReadRawMetadata(Assembly assembly, out byte* metadata, out int length) =>
        System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(assembly, out metadata, out length);

    /// <summary>
    /// Walks the heap. Anything unexpected gives an empty index, so every table falls back to its literal: a heap that
    /// does not parse, and a metadata reader that throws (Mono's may, and this runs inside a type initializer, where an
    /// exception would make the tokenizer's type unusable for the life of the process).
    /// </summary>
    internal static StringHeapIndex Build(Assembly assembly, RawMetadataReader reader)
    {
        Interlocked.Increment(ref s_walks);
        try
        {
            return reader(assembly, out byte* metadata, out int length) ? Walk(metadata, length) ?? s_empty : s_empty;
        }
#pragma warning disable CA1031 // Any failure here has the same answer: read the literal instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            return s_empty;
        }
    }

    private static StringHeapIndex? Walk(byte* metadata, int metadataLength)
    {
        if (metadataLength < 20 || Unsafe.ReadUnaligned<uint>(metadata) != 0x424A5342) return null; // "BSJB"
        int versionLength = Unsafe.ReadUnaligned<int>(metadata + 12);
        if (versionLength < 0 || 20 + versionLength > metadataLength) return null;
        byte* header = metadata + 16 + versionLength;
        int streams = Unsafe.ReadUnaligned<ushort>(header + 2);
        byte* p = header + 4, end = metadata + metadataLength;
        byte* heap = null;
        int heapSize = 0;
        for (int s = 0; s < streams && p + 8 < end; s++)
        {
            int offset = Unsafe.ReadUnaligned<int>(p), size = Unsafe.ReadUnaligned<int>(p + 4);
            byte* name = p + 8;
            int nameLength = 0;
            while (name + nameLength < end && name[nameLength] != 0) nameLength++;
            if (nameLength == 3 && name[0] == (byte)'#' && name[1] == (byte)'U' && name[2] == (byte)'S')
            {
                if (offset < 0 || size < 0 || (long)offset + size > metadataLength) return null;
                heap = metadata + offset;
                heapSize = size;
            }
            p = name + ((nameLength + 4) & ~3);
        }
        if (heap is null) return null;

        var tables = new Dictionary<string, (IntPtr, int)>(StringComparer.Ordinal);
        byte* q = heap, heapEnd = heap + heapSize;
        while (q < heapEnd)
        {
            // An entry is a compressed length, then that many bytes: UTF-16 chars and one trailing flag byte.
            int b0 = q[0], entry, prefix;
            if ((b0 & 0x80) == 0) { entry = b0; prefix = 1; }
            else if ((b0 & 0xC0) == 0x80 && q + 1 < heapEnd) { entry = ((b0 & 0x3F) << 8) | q[1]; prefix = 2; }
            else if ((b0 & 0xE0) == 0xC0 && q + 3 < heapEnd) { entry = ((b0 & 0x1F) << 24) | (q[1] << 16) | (q[2] << 8) | q[3]; prefix = 4; }
            else return null;
            byte* chars = q + prefix;
            if (chars + entry > heapEnd) return null;
            if (entry > 2 && Unsafe.ReadUnaligned<char>(chars) == KeyStart) Add(tables, chars, (entry - 1) / 2);
            q = chars + entry;
        }
        return new StringHeapIndex(tables);
    }

    /// <summary>Remembers the literal of <paramref name="charCount"/> chars at <paramref name="chars"/> if a key header starts it.</summary>
    private static void Add(Dictionary<string, (IntPtr, int)> tables, byte* chars, int charCount)
    {
        for (int i = 1; i < charCount; i++)
        {
            if (Unsafe.ReadUnaligned<char>(chars + 2 * i) != KeyEnd) continue;
            var key = new string('\0', i - 1);
            fixed (char* k = key)
                for (int j = 0; j < key.Length; j++) k[j] = Unsafe.ReadUnaligned<char>(chars + 2 * (j + 1));
            tables.TryAdd(key, ((IntPtr)(chars + 2 * (i + 1)), 2 * (charCount - i - 1)));
            return;
        }
    }
}
