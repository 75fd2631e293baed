using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Tokenizers.Cli.Conversion;

/// <summary>
/// Reads an embedded resource from an assembly's metadata without loading the assembly, so the data packages of
/// ML.Tokenizers can be read without depending on ML.Tokenizers.
/// </summary>
public static class ManifestResourceReader
{
    /// <summary>The one embedded resource whose name ends with <paramref name="suffix"/>.</summary>
    /// <exception cref="InvalidDataException">Not an assembly, or not exactly one such resource.</exception>
    public static byte[] ReadSingle(string assemblyPath, string suffix)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata || pe.PEHeaders.CorHeader is null)
        {
            throw new InvalidDataException($"{assemblyPath} is not a .NET assembly");
        }
        MetadataReader metadata = pe.GetMetadataReader();
        var matches = new List<ManifestResource>();
        foreach (ManifestResourceHandle handle in metadata.ManifestResources)
        {
            ManifestResource resource = metadata.GetManifestResource(handle);
            // A nil implementation means the bytes are embedded in this file rather than linked.
            if (resource.Implementation.IsNil && metadata.GetString(resource.Name).EndsWith(suffix, StringComparison.Ordinal))
            {
                matches.Add(resource);
            }
        }
        if (matches.Count != 1)
        {
            throw new InvalidDataException($"{assemblyPath} has {matches.Count} embedded resources named *{suffix}; expected one");
        }
        // Embedded resources sit in the CLI header's resource block, each as a 4-byte length then the bytes.
        DirectoryEntry directory = pe.PEHeaders.CorHeader.ResourcesDirectory;
        PEMemoryBlock block = pe.GetSectionData(directory.RelativeVirtualAddress);
        BlobReader reader = block.GetReader((int)matches[0].Offset, directory.Size - (int)matches[0].Offset);
        int length = reader.ReadInt32();
        return reader.ReadBytes(length);
    }
}
