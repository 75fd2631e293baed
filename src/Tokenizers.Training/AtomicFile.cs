using System;
using System.IO;
using System.Text;

namespace Tokenizers.Training;

/// <summary>Writes through a temporary file in the same folder and a rename, so a reader (or a build) never sees half a file.</summary>
public static class AtomicFile
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void WriteAllText(string path, string content)
    {
        string fullPath = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            File.WriteAllText(temporary, content, s_utf8);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
