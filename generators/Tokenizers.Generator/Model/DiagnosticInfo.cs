using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator.Model;

/// <summary>A diagnostic as plain data (descriptor id, arguments, location), so it can live in a cached model.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] args)
        => new(descriptor.Id, location, args.Select(a => a?.ToString() ?? "").ToEquatableArray());

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(Diagnostics.ById(Id), Location?.ToLocation(), Arguments.Items.Cast<object>().ToArray());
}
