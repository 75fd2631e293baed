using System.Collections.Generic;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator;

/// <summary>
/// The attribute's setting for splitting text before the model, as the file kind takes it: <c>PreTokenizer</c> names a
/// BPE pre-tokenizer, <c>SplitRegex</c> is a word list's regular expression, and the obsolete <c>Pattern</c> stands
/// for whichever of the two the kind takes. <see cref="Name"/> is the argument as written, for messages.
/// </summary>
internal sealed record SplitOption(string Name, string? Value, DiagnosticAnchor Where)
{
    private const string PreTokenizer = nameof(PreTokenizer), SplitRegex = nameof(SplitRegex), Pattern = nameof(Pattern);

    /// <summary>
    /// The option <paramref name="key"/>'s file kind takes (<see cref="Value"/> null when unset). False after reporting
    /// TOK024 for an option the kind does not take, or for <c>Pattern</c> beside the name that replaces it.
    /// </summary>
    public static bool TryRead(TokenizerKey key, List<DiagnosticInfo> diagnostics, out SplitOption option)
    {
        int before = diagnostics.Count;
        if (key.Kind == TokenizerKind.TokenizerJson)
        {
            // A tokenizer.json carries its own pre-tokenizer: an attribute option would silently fight it.
            foreach (var (name, value, where) in All(key))
                if (value is not null)
                    Report(diagnostics, where, $"{name} does not apply to a tokenizer.json, which defines its own pre-tokenizer; remove {name}");
            option = new SplitOption(PreTokenizer, null, DiagnosticAnchor.PreTokenizer);
            return diagnostics.Count == before;
        }

        bool words = key.Kind == TokenizerKind.WordList;
        option = words ? new SplitOption(SplitRegex, key.SplitRegex, DiagnosticAnchor.SplitRegex)
                       : new SplitOption(PreTokenizer, key.PreTokenizer, DiagnosticAnchor.PreTokenizer);
        var (otherName, otherValue, otherWhere) = All(key)[words ? 0 : 1];
        if (otherValue is not null)
            Report(diagnostics, otherWhere, $"{otherName} does not apply to {(words ? "a word list" : "a BPE vocabulary")}, which takes {option.Name}");
        if (key.Pattern is not null)
        {
            if (option.Value is not null)
                Report(diagnostics, DiagnosticAnchor.Pattern, $"Pattern is the obsolete name of {option.Name}, which is set too; remove Pattern");
            else
                option = new SplitOption(Pattern, key.Pattern, DiagnosticAnchor.Pattern);
        }
        return diagnostics.Count == before;
    }

    private static (string Name, string? Value, DiagnosticAnchor Where)[] All(TokenizerKey key) =>
    [
        (PreTokenizer, key.PreTokenizer, DiagnosticAnchor.PreTokenizer),
        (SplitRegex, key.SplitRegex, DiagnosticAnchor.SplitRegex),
        (Pattern, key.Pattern, DiagnosticAnchor.Pattern),
    ];

    private static void Report(List<DiagnosticInfo> diagnostics, DiagnosticAnchor where, string message)
        => diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MisplacedSplitOption, where, message));
}
