using System.Collections.Generic;
using System.Text;

namespace Tokenizers.Generator.Emit;

/// <summary>
/// A member of a generated tokenizer class: its doc comment, its signature and its expression body (null for the
/// constructor, written as is). One list per kind serves the compiled class and the class emitted on a TOK error,
/// whose members all throw: both have the same surface, so uses of the class compile either way.
/// </summary>
internal sealed record Member(string Doc, string Signature, string? Body, bool Wrap = false)
{
    /// <summary>Writes the members; with <paramref name="failure"/> (an expression for the exception) every body throws it.</summary>
    public static void Write(StringBuilder sb, IEnumerable<Member> members, string? failure = null)
    {
        foreach (var m in members)
        {
            sb.Append("    ").Append(m.Doc).Append("\n    ").Append(m.Signature);
            if (m.Body is not null)
                sb.Append(m.Wrap ? "\n        => " : " => ").Append(failure is null ? m.Body : "throw " + failure).Append(';');
            sb.Append("\n\n");
        }
    }

    public static Member Constructor(string className, string doc)
        => new("/// <summary>" + doc + "</summary>", "public " + className + "() { }", null);

    public static Member Inherited(string signature, string body, bool wrap = false) => new("/// <inheritdoc />", signature, body, wrap);
}
