using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tokenizers.Data;

/// <summary>
/// A generated table, read where it lies: in the string-literal heap (<c>#US</c>) of its assembly's metadata, which the
/// runtime keeps mapped for the assembly's lifetime. Calling the literal's property would instead copy it into a
/// managed string (about 9 ms and 3 MB for cl100k's tables), so the table is found by its header, a key between
/// U+FDD0 and U+FDD1 that the generator puts in front of the data (the table's name, length and content hash, so that
/// equal tables stay one literal), and viewed with no copy. Where the metadata is not there to read (NativeAOT), the
/// literal is loaded as a string after all.
/// </summary>
public readonly unsafe struct ConstantTable
{
    private const char KeyStart = '\uFDD0', KeyEnd = '\uFDD1';

    private readonly byte* _pointer;
    private readonly int _length;
    private readonly string? _string;
    private readonly int _start;

    private ConstantTable(byte* pointer, int length)
    {
        _pointer = pointer;
        _length = length;
        _string = null;
        _start = 0;
    }

    private ConstantTable(string data, int startChar)
    {
        _pointer = null;
        _string = data;
        _start = startChar;
        _length = (data.Length - startChar) * 2;
    }

    /// <summary>A table held in a plain string (two bytes a char), as generated code before headers passed it.</summary>
    public static ConstantTable FromString(string data) => new(data ?? throw new ArgumentNullException(nameof(data)), 0);

    /// <summary>The table's bytes.</summary>
    public ReadOnlySpan<byte> Bytes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _string is null ? new ReadOnlySpan<byte>(_pointer, _length) : MemoryMarshal.AsBytes(_string.AsSpan(_start));
    }

    // Views built from the pointer directly where there is one: MemoryMarshal.Cast's instantiations are not precompiled
    // by ReadyToRun, and each would cost a JIT compilation at start-up.

    /// <summary>The table as chars (uint16 values).</summary>
    public ReadOnlySpan<char> Chars => _string is null ? new ReadOnlySpan<char>(_pointer, _length / 2) : _string.AsSpan(_start);

    public ReadOnlySpan<uint> UInt32s => _string is null ? new ReadOnlySpan<uint>(_pointer, _length / 4) : MemoryMarshal.Cast<byte, uint>(Bytes);

    public ReadOnlySpan<int> Int32s => _string is null ? new ReadOnlySpan<int>(_pointer, _length / 4) : MemoryMarshal.Cast<byte, int>(Bytes);

    /// <summary>
    /// The table whose literal starts with U+FDD0 <paramref name="key"/> U+FDD1, found in <paramref name="assembly"/>'s
    /// metadata; else <paramref name="literal"/>() past that header.
    /// </summary>
    public static ConstantTable Find(Assembly assembly, string key, Func<string> literal)
    {
        if (assembly is null) throw new ArgumentNullException(nameof(assembly));
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (literal is null) throw new ArgumentNullException(nameof(literal));
        // Unaligned loads are what reading the heap in place needs; every 64-bit .NET platform does them in hardware.
        // A collectible assembly's image can go away while a model still points into it, so it gets the copy.
        if (Environment.Is64BitProcess && BitConverter.IsLittleEndian && !assembly.IsCollectible
            && TryFind(assembly, key, out byte* data, out int length))
            return new ConstantTable(data, length);
        string s = literal();
        int header = key.Length + 2;
        if (s.Length < header || s[0] != KeyStart || s[header - 1] != KeyEnd || !s.AsSpan(1, key.Length).SequenceEqual(key.AsSpan()))
            throw new InvalidOperationException($"Generated table '{key}' lacks its header.");
        return new ConstantTable(s, header);
    }

    /// <summary>Walks the <c>#US</c> heap entry by entry (a few hundred jumps) for the literal with the key's header.</summary>
    private static bool TryFind(Assembly assembly, string key, out byte* data, out int length)
    {
        data = null;
        length = 0;
        if (!System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(assembly, out byte* metadata, out int metadataLength)) return false;
        if (metadataLength < 20 || Unsafe.ReadUnaligned<uint>(metadata) != 0x424A5342) return false; // "BSJB"
        int versionLength = Unsafe.ReadUnaligned<int>(metadata + 12);
        if (versionLength < 0 || 20 + versionLength > metadataLength) return false;
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
                if (offset < 0 || size < 0 || (long)offset + size > metadataLength) return false;
                heap = metadata + offset;
                heapSize = size;
            }
            p = name + ((nameLength + 4) & ~3);
        }
        if (heap is null) return false;

        int headerBytes = (key.Length + 2) * 2;
        byte* q = heap, heapEnd = heap + heapSize;
        while (q < heapEnd)
        {
            // An entry is a compressed length, then that many bytes: UTF-16 chars and one trailing flag byte.
            int b0 = q[0], entry, prefix;
            if ((b0 & 0x80) == 0) { entry = b0; prefix = 1; }
            else if ((b0 & 0xC0) == 0x80 && q + 1 < heapEnd) { entry = ((b0 & 0x3F) << 8) | q[1]; prefix = 2; }
            else if ((b0 & 0xE0) == 0xC0 && q + 3 < heapEnd) { entry = ((b0 & 0x1F) << 24) | (q[1] << 16) | (q[2] << 8) | q[3]; prefix = 4; }
            else return false;
            byte* chars = q + prefix;
            if (chars + entry > heapEnd) return false;
            if (entry > headerBytes && Unsafe.ReadUnaligned<char>(chars) == KeyStart && Matches(chars, key))
            {
                data = chars + headerBytes;
                length = entry - 1 - headerBytes;
                return true;
            }
            q = chars + entry;
        }
        return false;
    }

    private static bool Matches(byte* chars, string key)
    {
        for (int i = 0; i < key.Length; i++)
            if (Unsafe.ReadUnaligned<char>(chars + 2 * (i + 1)) != key[i]) return false;
        return Unsafe.ReadUnaligned<char>(chars + 2 * (key.Length + 1)) == KeyEnd;
    }
}
