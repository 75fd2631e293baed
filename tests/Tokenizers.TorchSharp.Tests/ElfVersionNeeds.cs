using System.Buffers.Binary;
using System.Text;

namespace Tokenizers.TorchSharp.Tests;

/// <summary>Reads the flags of a version need (.gnu.version_r entry) of an ELF64 little-endian library.</summary>
internal static class ElfVersionNeeds
{
    public const ushort Weak = 0x2;

    /// <summary>vna_flags of the need named <paramref name="version"/>, or null when the library does not need it.</summary>
    public static ushort? Flags(string path, string version)
    {
        byte[] elf = File.ReadAllBytes(path);
        ReadOnlySpan<byte> e = elf;
        long shoff = (long)BinaryPrimitives.ReadUInt64LittleEndian(e[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(e[0x3a..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(e[0x3c..]);
        byte[] name = Encoding.ASCII.GetBytes(version + "\0");
        for (int s = 0; s < shnum; s++)
        {
            ReadOnlySpan<byte> sh = e[(int)(shoff + s * shentsize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]) != 0x6ffffffe) continue;
            int need = (int)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]);
            uint entries = BinaryPrimitives.ReadUInt32LittleEndian(sh[0x2c..]);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]);
            int strtab = (int)BinaryPrimitives.ReadUInt64LittleEndian(e[(int)(shoff + link * shentsize + 0x18)..]);
            for (uint n = 0; n < entries; n++)
            {
                int aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(e[(need + 8)..]);
                for (int a = 0; a < BinaryPrimitives.ReadUInt16LittleEndian(e[(need + 2)..]); a++)
                {
                    int at = strtab + (int)BinaryPrimitives.ReadUInt32LittleEndian(e[(aux + 8)..]);
                    if (e.Slice(at, name.Length).SequenceEqual(name)) return BinaryPrimitives.ReadUInt16LittleEndian(e[(aux + 4)..]);
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(e[(aux + 12)..]);
                }
                need += (int)BinaryPrimitives.ReadUInt32LittleEndian(e[(need + 12)..]);
            }
        }
        return null;
    }

    /// <summary>Whether the system's libstdc++ (the first on the loader's default path) defines <paramref name="version"/>.</summary>
    public static bool SystemLibStdCxxProvides(string version)
    {
        string[] dirs = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];
        string? library = dirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
        return library is not null && File.ReadAllBytes(library).AsSpan().IndexOf(Encoding.ASCII.GetBytes(version + "\0")) >= 0;
    }
}
