using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Model;

/// <summary>A diagnostic as plain data (descriptor id, arguments, anchor), so it can live in a cached model.</summary>
internal sealed record DiagnosticInfo(string Id, DiagnosticAnchor Where, EquatableArray<string> Arguments, bool Preformatted = false)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DiagnosticAnchor where, params object[] args)
        => new(descriptor.Id, where, args.Select(a => a?.ToString() ?? "").ToEquatableArray());

    /// <summary>A shared parser's problem, located in <paramref name="file"/> and worded as the run-time loader words it.</summary>
    public static DiagnosticInfo FromCompileError(Tokenizers.Compilation.CompileError error, Parsing.VocabularyFile file)
        => new(error.Code, DiagnosticAnchor.InFile(file.At(error.Where, error.Length)), new[] { error.Format(file.Name) }.ToEquatableArray(), Preformatted: true);

    private DiagnosticDescriptor Descriptor => Preformatted ? Diagnostics.Preformatted(Id) : Diagnostics.ById(Id);

    public Diagnostic ToDiagnostic(RequestLocations locations)
        => Diagnostic.Create(Descriptor, locations.Resolve(Where)?.ToLocation(), Arguments.Items.Cast<object>().ToArray());

    /// <summary>"TOK007: the message", as the build shows it.</summary>
    public string Text()
        => Id + ": " + Diagnostic.Create(Descriptor, Location.None, Arguments.Items.Cast<object>().ToArray()).GetMessage(CultureInfo.InvariantCulture);
}
