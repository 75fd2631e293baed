#nullable enable
// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets), so it sticks to netstandard APIs.
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one version need (e.g. GLIBCXX_3.4.32) of ELF64 little-endian libraries weak, so the dynamic loader accepts
/// an older libstdc++ that lacks it. TorchSharp 0.107's libLibTorchSharp.so needs GLIBCXX_3.4.32 only for
/// <c>std::ios_base_library_init()</c>, which it references but never calls; GCC 12 systems (Debian 12) then fail to
/// load it. The task does nothing when the system libstdc++ already provides the version, or when the flag is set.
/// </summary>
public sealed class TorchSharpMarkVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required] public string Version { get; set; } = "";

    /// <summary>The libraries changed by this run.</summary>
    [Output] public ITaskItem[] Patched { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        string? provider = FindSystemLibraryProviding("libstdc++.so.6", Version);
        if (provider != null)
        {
            Log.LogMessage(MessageImportance.Low, $"{provider} provides {Version}; TorchSharp's native library loads as is.");
            return true;
        }

        var patched = new System.Collections.Generic.List<ITaskItem>();
        foreach (ITaskItem item in Files)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                if (MarkWeak(path)) patched.Add(item);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is IndexOutOfRangeException)
            {
                Log.LogError($"Could not mark {Version} weak in {path}: {e.Message}");
            }
        }
        Patched = patched.ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>Sets VER_FLG_WEAK on the <see cref="Version"/> entry of .gnu.version_r. False when there was nothing to do.</summary>
    private bool MarkWeak(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
            || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogMessage(MessageImportance.Low, $"{path} is not an ELF64 little-endian file; left alone.");
            return false;
        }

        long flagsOffset = FindVernauxFlags(elf, Version);
        if (flagsOffset < 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{path} does not need {Version}; left alone.");
            return false;
        }

        ushort flags = U16(elf, flagsOffset);
        if ((flags & VerFlgWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{path}: {Version} is already weak.");
            return false;
        }

        flags |= VerFlgWeak;
        elf[flagsOffset] = (byte)flags;
        elf[flagsOffset + 1] = (byte)(flags >> 8);

        // Write a new file and rename it over the old one: the output copy may be a hard link into the NuGet cache,
        // which must stay untouched. The old timestamp is kept so incremental builds do not copy the original back.
        DateTime stamp = File.GetLastWriteTimeUtc(path);
        string temp = path + ".weak-tmp";
        File.WriteAllBytes(temp, elf);
        File.SetLastWriteTimeUtc(temp, stamp);
        File.Delete(path);
        File.Move(temp, path);
        Log.LogMessage(MessageImportance.High, $"Marked {Version} weak in {path} (system libstdc++ predates it).");
        return true;
    }

    /// <summary>File offset of vna_flags of the Vernaux entry named <paramref name="version"/>, or -1.</summary>
    private static long FindVernauxFlags(byte[] elf, string version)
    {
        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3a);
        int shnum = U16(elf, 0x3c);
        byte[] name = Encoding.ASCII.GetBytes(version + "\0");
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;
            long verneed = (long)U64(elf, sh + 0x18);
            uint entries = U32(elf, sh + 0x2c);
            long strtab = (long)U64(elf, shoff + (long)U32(elf, sh + 0x28) * shentsize + 0x18);

            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
            long need = verneed;
            for (uint n = 0; n < entries; n++)
            {
                int auxCount = U16(elf, need + 2);
                long aux = need + U32(elf, need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    if (Matches(elf, strtab + U32(elf, aux + 8), name)) return aux + 4;
                    aux += U32(elf, aux + 12);
                }
                need += U32(elf, need + 12);
            }
        }
        return -1;
    }

    /// <summary>The first <paramref name="fileName"/> on the loader's usual search path if it defines <paramref name="version"/>.</summary>
    private static string? FindSystemLibraryProviding(string fileName, string version)
    {
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        foreach (string dir in SearchDirectories())
        {
            string candidate = Path.Combine(dir, fileName);
            if (!File.Exists(candidate)) continue;
            // The first one found is the one the loader takes; it either has the version or it does not.
            return IndexOf(File.ReadAllBytes(candidate), needle) >= 0 ? candidate : null;
        }
        return null;
    }

    private static System.Collections.Generic.IEnumerable<string> SearchDirectories()
    {
        string? ldPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        if (!string.IsNullOrEmpty(ldPath))
        {
            foreach (string dir in ldPath!.Split(':'))
                if (dir.Length > 0) yield return dir;
        }
        string triplet = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        yield return "/lib/" + triplet;
        yield return "/usr/lib/" + triplet;
        yield return "/lib64";
        yield return "/usr/lib64";
        yield return "/lib";
        yield return "/usr/lib";
    }

    private static bool Matches(byte[] data, long at, byte[] text)
    {
        if (at < 0 || at + text.Length > data.Length) return false;
        for (int i = 0; i < text.Length; i++)
            if (data[at + i] != text[i]) return false;
        return true;
    }

    private static long IndexOf(byte[] data, byte[] needle)
    {
        for (long i = 0; i + needle.Length <= data.Length; i++)
        {
            if (data[i] == needle[0] && Matches(data, i, needle)) return i;
        }
        return -1;
    }

    private static ushort U16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);

    private static uint U32(byte[] b, long o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);

    private static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;
}
