namespace Tokenizers.Compilation;

/// <summary>Checks of a vocabulary file's text made before any parser sees it, by the generator and the loader alike.</summary>
internal static class VocabularyText
{
    /// <summary>An empty or white-space file, or null.</summary>
    public static CompileError? Blank(string text)
        => text.Trim().Length > 0 ? null
            : CompileError.InFile(CompileErrorCodes.UnreadableFile, text.Length == 0 ? "the file is empty" : "the file holds only white space");

    /// <summary>A file that is not UTF-8, at the first char its bad bytes became.</summary>
    public static CompileError NotUtf8(SourcePoint where, string detail)
        => new(CompileErrorCodes.UnreadableFile, "the file is not UTF-8: " + detail, null, where);
}
