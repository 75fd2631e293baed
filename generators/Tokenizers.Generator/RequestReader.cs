using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator;

/// <summary>Turns an attributed class into a <see cref="TokenizerRequest"/>, checking the class can take generated members.</summary>
internal static class RequestReader
{
    public static TokenizerRequest Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var attributeLocation = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());

        string vocabularyPath = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        string? mergesPath = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        string? pattern = null, unknown = null;
        var specials = new List<string>();
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Pattern": pattern = named.Value.Value as string; break;
                case "UnknownToken": unknown = named.Value.Value as string; break;
                case "SpecialTokens" when !named.Value.IsNull:
                    specials.AddRange(named.Value.Values.Select(v => v.Value as string ?? ""));
                    break;
            }
        }

        var diagnostics = new List<DiagnosticInfo>();
        string? problem = null;
        var syntax = (ClassDeclarationSyntax)context.TargetNode;
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword)) problem = "is not partial";
        else if (type.ContainingType is not null) problem = "is nested in another type";
        else if (type.IsGenericType) problem = "is generic";
        else if (type.IsStatic) problem = "is static";
        if (problem is not null)
            diagnostics.Add(DiagnosticInfo.Create(Generator.Diagnostics.InvalidTarget, LocationInfo.From(syntax.Identifier.GetLocation()), type.Name, problem));

        string accessibility = type.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public ? "public" : "internal";
        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        return new TokenizerRequest(ns, type.Name, accessibility, vocabularyPath, mergesPath, pattern,
            specials.ToEquatableArray(), unknown, attributeLocation, diagnostics.ToEquatableArray());
    }
}
