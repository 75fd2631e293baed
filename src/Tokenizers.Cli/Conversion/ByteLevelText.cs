using System;
using System.Text;

namespace Tokenizers.Cli.Conversion;

/// <summary>The CLI's text helpers around <see cref="ByteLevelAlphabet"/>.</summary>
internal static class ByteLevelText
{
    /// <summary>Readable form of a byte-level token for messages.</summary>
    public static string Describe(string token) =>
        ByteLevelAlphabet.TryDecode(token, out byte[] bytes) ? $"'{token}' (base64 {Convert.ToBase64String(bytes)})" : $"'{token}'";

    /// <summary>Strict UTF-8: no byte order mark written, invalid bytes throw.</summary>
    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
