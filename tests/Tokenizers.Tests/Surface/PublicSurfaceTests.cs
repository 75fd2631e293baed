using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;

namespace Tokenizers.Tests.Surface;

/// <summary>
/// The runtime's public surface is what users call: every exported type is either in this list of user-facing types
/// or hidden from IntelliSense as plumbing for generated code, so the surface cannot grow without a decision here.
/// </summary>
public class PublicSurfaceTests
{
    private static readonly HashSet<string> UserFacing =
    [
        "Tokenizers.ITokenizer",
        "Tokenizers.TokenOffset",
        "Tokenizers.ITokenVisitor",
        "Tokenizers.IStreamableTokenizer",
        "Tokenizers.SpecialTokenPolicy",
        "Tokenizers.DisallowedSpecialTokenException",
        "Tokenizers.GeneratedTokenizerAttribute",
        "Tokenizers.TokenizerBatch",
        "Tokenizers.TokenizerFile",
        "Tokenizers.TokenizerFileOptions",
        "Tokenizers.TokenizerFormatException",
        "Tokenizers.Notebook.ByteTokenizer",
        "Tokenizers.Bpe.SpecialToken",
        "Tokenizers.Notebook.GreedyLongestMatchTokenizer",
        "Tokenizers.Data.TokenFile",
        "Tokenizers.Data.TokenFileReader",
        "Tokenizers.Data.TokenFileWriter",
        "Tokenizers.Data.TokenFileWidth",
        "Tokenizers.Data.TokenShard",
        "Tokenizers.Data.TokenShardManifest",
        "Tokenizers.StreamingDecoder",
        "Tokenizers.StreamingEncoder",
        "Tokenizers.StreamingEncodeResult",
        "Tokenizers.TokenSpanAction",
        "Tokenizers.InvalidUtf8Exception",
        "Tokenizers.PreTokenization.PreTokenizer",
        "Tokenizers.WordLevel.UnknownWordException",
        "Tokenizers.Notebook.NotebookWordSplitter",
        "Tokenizers.Notebook.PythonWhitespace",
    ];

    [Fact]
    public void Every_public_type_is_user_facing_or_hidden()
    {
        var unexpected = typeof(ITokenizer).Assembly.GetExportedTypes()
            .Where(t => !UserFacing.Contains(t.FullName!) && !IsHidden(t) && !IsHiddenNested(t))
            .Select(t => t.FullName)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        Assert.True(unexpected.Count == 0, "Public and visible but not user-facing: " + string.Join(", ", unexpected));
    }

    [Fact]
    public void Every_user_facing_type_is_public_and_visible()
    {
        var exported = typeof(ITokenizer).Assembly.GetExportedTypes().ToDictionary(t => t.FullName!);

        foreach (string name in UserFacing)
        {
            Assert.True(exported.TryGetValue(name, out Type? type), name + " is not public");
            Assert.False(IsHidden(type!), name + " is hidden");
        }
    }

    private static bool IsHidden(Type type)
        => type.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };

    // A public type nested in a hidden one is hidden with it.
    private static bool IsHiddenNested(Type type)
        => type.DeclaringType is { } outer && (IsHidden(outer) || IsHiddenNested(outer));
}
