using System;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Tokenizers.Loading;

/// <summary>
/// What names a cache entry (<see cref="TableCache"/>): SHA-256 over everything a compile's output depends on, the
/// input files' bytes, the options that change the result, the loader's kind of file, and this build of the library
/// (its version, its module's id, which changes with any change to the compiler or table layout, and
/// <see cref="TableCache.LayoutVersion"/>), so a changed file, option or library never finds a stale entry.
/// </summary>
internal static class TableCacheKey
{
    public const int Length = 32;

    private static readonly string s_library = Library();

    public static byte[] Of(string kind, TokenizerFileOptions options, params byte[][] inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "Tokenizers compiled tables");
        Append(hash, TableCache.LayoutVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(hash, BitConverter.IsLittleEndian ? "LE" : "BE");
        Append(hash, s_library);
        Append(hash, kind);
        Append(hash, options.AnySplitSetting().Value);
        Append(hash, options.UnknownToken);
        Append(hash, options.SpecialTokens?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (options.SpecialTokens is { } specials)
            foreach (string special in specials) Append(hash, special);
        foreach (byte[] input in inputs) Append(hash, input);
        return hash.GetHashAndReset();
    }

    /// <summary>Length-prefixed, so that no two different lists of values hash the same bytes; null differs from "".</summary>
    private static void Append(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            hash.AppendData(BitConverter.GetBytes(-1L));
            return;
        }
        Append(hash, Encoding.UTF8.GetBytes(value));
    }

    private static void Append(IncrementalHash hash, byte[] value)
    {
        hash.AppendData(BitConverter.GetBytes((long)value.Length));
        hash.AppendData(value);
    }

    private static string Library()
    {
        Assembly assembly = typeof(TableCacheKey).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        try
        {
            // Deterministic builds derive the module id from the compiled code, so any change to it gives a new one.
            return version + "|" + assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            // Where the runtime keeps no module id (NativeAOT may not), the version and LayoutVersion still tell builds apart.
            return version;
        }
    }
}
