using System.Collections.Generic;
using System.Collections.Immutable;
using Tokenizers.Compilation;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator;

/// <summary>How many chars of string literals one generated tokenizer adds to its assembly.</summary>
internal sealed record LiteralUse(string ClassName, LocationInfo? Location, long Chars);

/// <summary>
/// The generated tables are string literals, and all string literals of an assembly share its <c>#US</c> heap, whose
/// offsets are 24 bits: 16 MB in all. Past that the C# compiler stops with CS8103, which names no tokenizer; this
/// check reports TOK014 on each tokenizer of an assembly whose tokenizers together leave too little of the heap for
/// the assembly's other literals, and says how to get around it.
/// </summary>
internal static class LiteralBudget
{
    /// <summary>Bytes the tokenizers of one assembly may use: the 16 MB heap less 1 MB for everything else.</summary>
    public const long MaxBytes = 15L * 1024 * 1024;

    public static IEnumerable<DiagnosticInfo> Check(ImmutableArray<LiteralUse> uses)
    {
        long total = 0;
        foreach (var use in uses) total += use.Chars * 2;
        if (total <= MaxBytes) yield break;
        foreach (var use in uses)
        {
            if (use.Chars == 0) continue;
            string message = uses.Length == 1
                ? $"its tables take {TextDisplay.Number(use.Chars * 2)} bytes of string literals, over the {TextDisplay.Number(MaxBytes)} an assembly's 16 MB string heap leaves them"
                : $"the {uses.Length} generated tokenizers of this assembly take {TextDisplay.Number(total)} bytes of string literals together "
                  + $"({TextDisplay.Number(use.Chars * 2)} for this one), over the {TextDisplay.Number(MaxBytes)} an assembly's 16 MB string heap leaves them; "
                  + "move some of them into another assembly (a class library of their own), or load the file at run time with TokenizerFile.Load";
            yield return DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, use.Location, use.ClassName, message);
        }
    }
}
