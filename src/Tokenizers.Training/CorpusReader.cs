using System.IO;
using System.Text;

namespace Tokenizers.Training;

/// <summary>Reads training text.</summary>
public static class CorpusReader
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file as UTF-8, byte for byte: a BOM stays U+FEFF and line ends are kept.</summary>
    /// <exception cref="DecoderFallbackException">The file is not valid UTF-8.</exception>
    public static string ReadExact(string path) => s_utf8.GetString(File.ReadAllBytes(path));

    /// <summary>
    /// The file as the notebook's <c>open(path, 'r', encoding='utf-8').read()</c> sees it: Python's universal newlines
    /// turn <c>\r\n</c> and a lone <c>\r</c> into <c>\n</c>; a BOM stays U+FEFF.
    /// </summary>
    public static string ReadLikePython(string path)
    {
        string text = ReadExact(path);
        return text.IndexOf('\r') < 0 ? text : text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
