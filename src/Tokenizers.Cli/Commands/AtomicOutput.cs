using System;
using System.IO;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// Writes a file through a temporary file beside it and a rename, so that the path holds either what was there before
/// or the complete new file, never half of one: an error (bad input found half way) or a crash leaves no partial file.
/// </summary>
internal static class AtomicOutput
{
    /// <exception cref="CliException">The file cannot be written (or <paramref name="write"/> fails with one).</exception>
    public static T Write<T>(string path, Func<Stream, T> write)
    {
        if (Directory.Exists(path)) throw new CliException($"{path} is a directory; a file was expected");
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            T result;
            try
            {
                Directory.CreateDirectory(folder);
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
                    result = write(stream);
                File.Move(temporary, fullPath, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {path}: {e.Message}");
            }
            return result;
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the error that got us here matters more.
            }
        }
    }
}
