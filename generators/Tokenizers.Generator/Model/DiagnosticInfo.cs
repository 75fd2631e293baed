using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Model;

/// <summary>A diagnostic as plain data (descriptor id, arguments, location), so it can live in a cached model.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments, bool Preformatted = false)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] args)
        => new(descriptor.Id, location, args.Select(a => a?.ToString() ?? "").ToEquatableArray());

    /// <summary>A shared parser's problem, located in <paramref name="file"/> and worded as the run-time loader words it.</summary>
    public static DiagnosticInfo FromCompileError(Tokenizers.Compilation.CompileError error, Parsing.VocabularyFile file)
        => new(error.Code, file.At(error.Where, error.Length), new[] { error.Format(file.Name) }.ToEquatableArray(), Preformatted: true);

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(Preformatted ? Diagnostics.Preformatted(Id) : Diagnostics.ById(Id), Location?.ToLocation(), Arguments.Items.Cast<object>().ToArray());
}
