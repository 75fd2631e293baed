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
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var attributeLocation = LocationInfo.From(attributeSyntax?.GetLocation());

        string vocabularyPath = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        string? mergesPath = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        string? preTokenizer = null, splitRegex = null, pattern = null, unknown = null;
        var specials = new List<string>();
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "PreTokenizer": preTokenizer = named.Value.Value as string; break;
                case "SplitRegex": splitRegex = named.Value.Value as string; break;
                case "Pattern": pattern = named.Value.Value as string; break;
                case "UnknownToken": unknown = named.Value.Value as string; break;
                case "SpecialTokens" when named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull:
                    specials.AddRange(named.Value.Values.Select(v => v.Value as string ?? ""));
                    break;
            }
        }

        string? problem = null;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        if (syntax is RecordDeclarationSyntax) problem = "is a record";
        else if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword)) problem = "is not partial";
        else if (type.ContainingType is not null) problem = "is nested in another type";
        else if (type.IsGenericType) problem = "is generic";
        else if (type.IsStatic) problem = "is static";
        else if (type.IsFileLocal) problem = "is file-local";
        else if (type.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() == TokenizerGenerator.AttributeName) > 1)
            problem = "carries [GeneratedTokenizer] more than once";

        var arguments = new ArgumentLocations(attributeSyntax, specials.Count);
        string accessibility = type.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public ? "public" : "internal";
        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var key = new TokenizerKey(ns, type.Name, accessibility, vocabularyPath, mergesPath, preTokenizer, splitRegex, pattern, specials.ToEquatableArray(), unknown, problem);
        var locations = new RequestLocations(attributeLocation, LocationInfo.From(syntax.Identifier.GetLocation()),
            arguments.Vocabulary, arguments.Merges, arguments.PreTokenizer, arguments.SplitRegex, arguments.Pattern, arguments.UnknownToken, arguments.SpecialTokens);
        return new TokenizerRequest(key, locations);
    }

    /// <summary>The locations of the attribute's arguments, found in its syntax.</summary>
    private sealed class ArgumentLocations
    {
        public LocationInfo? Vocabulary, Merges, PreTokenizer, SplitRegex, Pattern, UnknownToken;
        public EquatableArray<LocationInfo> SpecialTokens = EquatableArray<LocationInfo>.Empty;

        public ArgumentLocations(AttributeSyntax? attribute, int specialCount)
        {
            if (attribute?.ArgumentList is null) return;
            int position = 0;
            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                var location = LocationInfo.From(argument.Expression.GetLocation());
                if (argument.NameEquals is { } nameEquals)
                {
                    switch (nameEquals.Name.Identifier.ValueText)
                    {
                        case "PreTokenizer": PreTokenizer = location; break;
                        case "SplitRegex": SplitRegex = location; break;
                        case "Pattern": Pattern = location; break;
                        case "UnknownToken": UnknownToken = location; break;
                        case "SpecialTokens": SpecialTokens = Elements(argument.Expression, location, specialCount); break;
                    }
                    continue;
                }
                string? name = argument.NameColon?.Name.Identifier.ValueText;
                if (name == "vocabularyPath" || (name is null && position == 0)) Vocabulary = location;
                else if (name == "mergesPath" || (name is null && position == 1)) Merges = location;
                position++;
            }
        }

        /// <summary>Each special token's own element, when the array is written out element by element.</summary>
        private static EquatableArray<LocationInfo> Elements(ExpressionSyntax expression, LocationInfo? whole, int count)
        {
            IEnumerable<ExpressionSyntax>? elements = expression switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
                ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
                CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
                _ => null,
            };
            var locations = elements?.Select(e => LocationInfo.From(e.GetLocation())).ToList();
            if (locations is null || locations.Count != count || locations.Any(l => l is null))
                locations = whole is null ? new List<LocationInfo?>() : Enumerable.Repeat<LocationInfo?>(whole, count).ToList();
            return locations.Select(l => l!).ToEquatableArray();
        }
    }
}
