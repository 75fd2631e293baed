using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// An additional file given as bytes and decoded as the compiler decodes one on .NET (checked against a real
/// build in <see cref="BuildDiagnosticsTests"/>): a byte-order mark picks its encoding; otherwise strict UTF-8,
/// and when that fails, the default encoding (UTF-8 that turns invalid bytes into U+FFFD).
/// </summary>
public sealed class CompilerText(string path, byte[] bytes) : AdditionalText
{
    private static readonly Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string Path { get; } = path;

    public byte[] Bytes { get; } = bytes;

    public override SourceText GetText(CancellationToken cancellationToken = default)
    {
        try
        {
            return SourceText.From(Bytes, Bytes.Length, s_strictUtf8);
        }
        catch (DecoderFallbackException)
        {
            return SourceText.From(Bytes, Bytes.Length, Encoding.Default);
        }
    }

    /// <summary>A file at <c>/project/relativePath</c>.</summary>
    public static CompilerText At(string relativePath, byte[] bytes) => new($"{GeneratorHarness.ProjectDir}/{relativePath}", bytes);

    public static CompilerText At(string relativePath, string text) => At(relativePath, Encoding.UTF8.GetBytes(text));

    /// <summary>A fixture file from Fixtures/ (for example <c>broken/empty.json</c>), at the same path in the fake project.</summary>
    public static CompilerText Fixture(string relativePath)
        => At(relativePath, File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath)));
}

/// <summary>An additional file whose text the host has already decoded with a given encoding.</summary>
public sealed class DecodedText(string path, string text, Encoding? encoding) : AdditionalText
{
    public override string Path { get; } = $"{GeneratorHarness.ProjectDir}/{path}";

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, encoding);
}
