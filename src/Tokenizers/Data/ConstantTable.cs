using System;
using System.ComponentModel;
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
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct ConstantTable
{
    private const char KeyStart = StringHeapIndex.KeyStart, KeyEnd = StringHeapIndex.KeyEnd;

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
        // Unaligned loads are what reading the heap in place needs; every 64-bit .NET platform does them in hardware.
        // A collectible assembly's image can go away while a model still points into it, so it gets the copy.
        bool inPlace = Environment.Is64BitProcess && BitConverter.IsLittleEndian && !assembly.IsCollectible;
        return Find(inPlace ? StringHeapIndex.For(assembly) : null, key, literal);
    }

    /// <summary>The table from <paramref name="index"/> when it has the key, else from the literal.</summary>
    internal static ConstantTable Find(StringHeapIndex? index, string key, Func<string> literal)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (literal is null) throw new ArgumentNullException(nameof(literal));
        if (index is not null && index.TryGet(key, out byte* data, out int length))
            return new ConstantTable(data, length);
        string s = literal();
        int header = key.Length + 2;
        if (s.Length < header || s[0] != KeyStart || s[header - 1] != KeyEnd || !s.AsSpan(1, key.Length).SequenceEqual(key.AsSpan()))
            throw new InvalidOperationException($"Generated table '{key}' lacks its header.");
        return new ConstantTable(s, header);
    }
}
