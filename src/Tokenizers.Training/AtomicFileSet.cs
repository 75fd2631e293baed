using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Tokenizers.Training;

/// <summary>
/// Writes files that only make sense together (vocab.json and merges.txt) as a set: a failure anywhere (a full disk, a
/// directory in the way) leaves the old set, never the new vocab.json beside the old merges.txt, which would compile
/// without a warning into a different tokenizer. Every file is first written whole into a staging folder beside the
/// targets (same file system, so moves are renames); then each old file is copied aside and the new one renamed over
/// it, and if a rename fails the copies are renamed back. A reader opening the files while the set moves in may still
/// see the two renames apart (microseconds); a failed write never leaves a mix behind.
/// </summary>
public static class AtomicFileSet
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <paramref name="files"/> (name, UTF-8 text) into <paramref name="directory"/>, created if needed.</summary>
    public static void Write(string directory, IReadOnlyList<(string Name, string Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        string folder = Path.GetFullPath(directory ?? throw new ArgumentNullException(nameof(directory)));
        Directory.CreateDirectory(folder);
        string staging = Path.Combine(folder, $".staging.{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var replaced = new List<(string Target, string? Old)>();
        try
        {
            foreach (var (name, content) in files) File.WriteAllText(Path.Combine(staging, name), content, s_utf8);
            foreach (var (name, _) in files)
            {
                string target = Path.Combine(folder, name), old = Path.Combine(staging, name + ".old");
                bool existed = File.Exists(target);
                if (existed) File.Copy(target, old);
                replaced.Add((target, existed ? old : null));
                File.Move(Path.Combine(staging, name), target, overwrite: true);
            }
        }
        catch
        {
            Restore(replaced);
            throw;
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the error that got us here matters more.
            }
        }
    }

    /// <summary>Puts the old files back, last replaced first; a file that was new is removed.</summary>
    private static void Restore(List<(string Target, string? Old)> replaced)
    {
        for (int i = replaced.Count - 1; i >= 0; i--)
        {
            var (target, old) = replaced[i];
            try
            {
                if (old is not null) File.Move(old, target, overwrite: true);
                else if (File.Exists(target)) File.Delete(target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The target itself is what failed (a directory in the way): nothing of ours is there to undo.
            }
        }
    }
}
