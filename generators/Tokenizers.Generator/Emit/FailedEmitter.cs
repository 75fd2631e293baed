using System.Text;
using Tokenizers.Generator.Model;
using static Tokenizers.Generator.Emit.GeneratedSource;

namespace Tokenizers.Generator.Emit;

/// <summary>
/// The class emitted when a tokenizer does not compile (as the Regex generator does for a bad pattern): the same
/// members as the compiled class, each throwing an InvalidOperationException that names the TOK error. The build
/// fails on the TOK error alone, with no CS1061 or CS1503 at uses of the class.
/// </summary>
internal static class FailedEmitter
{
    public static string Emit(TokenizerModel model)
    {
        var first = model.Diagnostics[0];
        var sb = new StringBuilder(Header);
        sb.Append($"// {model.ClassName}: not generated, because of {first.Id} (see the build's errors). Every member throws until it is fixed.\n\n");
        var (bases, members) = model.Key.Kind switch
        {
            TokenizerKind.WordList => (WordLevelEmitter.Bases, WordLevelEmitter.Members(model.ClassName)),
            TokenizerKind.TokenizerJson => (HuggingFaceEmitter.Bases, HuggingFaceEmitter.Members(model.ClassName)),
            _ => (TokenizerEmitter.Bases, TokenizerEmitter.Members(model.ClassName, "")),
        };
        OpenType(sb, model, bases);
        string message = model.ClassName + " was not generated: " + first.Text()
            + (model.Diagnostics.Count > 1 ? " (and " + (model.Diagnostics.Count - 1) + " more errors in the build)" : "");
        sb.Append("    private const string GenerationError = ").Append(TokenizerEmitter.CSharpString(message)).Append(";\n\n");
        Member.Write(sb, members, "new global::System.InvalidOperationException(GenerationError)");
        CloseType(sb);
        return sb.ToString();
    }
}
