using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.Generator.Emit;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator;

/// <summary>
/// The string-literal heap (#US) of one assembly holds 2^24 bytes, because a metadata token addresses it with 24 bits;
/// past that the compiler fails with CS8103 in the generated files. Every tokenizer's tables are literals of that heap,
/// so the budget is checked across all tokenizers of the compilation, in the cheap step after they are compiled.
/// </summary>
internal static class HeapBudget
{
    public const long HeapBytes = 1L << 24;

    /// <summary>Room left for the program's own string literals.</summary>
    public const long ReservedBytes = 1L << 20;

    /// <summary>What the tables of all tokenizers of an assembly may take together.</summary>
    public const long TablesBytes = HeapBytes - ReservedBytes;

    /// <summary>A literal's bytes in the heap: UTF-16, a terminal byte and a length prefix of up to 4 bytes.</summary>
    public static long Bytes(long chars) => 2 * chars + 5;

    /// <summary>The literals a compiled tokenizer's files add to the heap, as its emitter writes them.</summary>
    public static EquatableArray<LiteralSize> LiteralsOf(TokenizerModel model)
    {
        var literals = new List<LiteralSize>();
        if (model.Bpe is { } b)
        {
            Keyed("Trie", b.Trie);
            Keyed("TokenBytes", b.TokenBytes);
            Keyed("TokenOffsets", b.TokenOffsets);
            if (b.RankToId is not null) Keyed("RankToId", b.RankToId);
            Keyed("Splits", b.Splits);
            if (b.CrossFloors.Length > 0) Keyed("CrossFloors", b.CrossFloors);
        }
        if (model.HuggingFace is { } h)
        {
            foreach (var table in h.Tables) Keyed(table.Name, table.Data);
            Plain("Spec", h.Spec);
        }
        if (model.Words is { } w)
        {
            Plain("WordListChars", w.Words);
            Plain("WordListOffsets", w.WordOffsets);
            Plain("WordListBuckets", w.Buckets);
        }
        return literals.ToEquatableArray();

        // Equal literals are stored once (gpt2 and r50k_base share theirs): the key, with a content hash, says which are equal.
        void Keyed(string name, string data)
        {
            string key = TokenizerEmitter.TableKey(name, data);
            literals.Add(new LiteralSize(key, Bytes(key.Length + 2L + data.Length)));
        }

        void Plain(string name, string data) => literals.Add(new LiteralSize("=" + TokenizerEmitter.TableKey(name, data), Bytes(data.Length)));
    }

    /// <summary>
    /// The tokenizers whose tables do not fit, in declaration order: each takes the literals it adds to those already
    /// taken, and one that would overflow the budget is reported (TOK014) and emitted without tables.
    /// </summary>
    public static EquatableArray<BudgetOverrun> Check(ImmutableArray<TokenizerModel> models, CancellationToken cancellationToken)
    {
        var all = new HashSet<string>();
        long total = 0;
        foreach (var model in models)
            foreach (var literal in model.Literals)
                if (all.Add(literal.Identity)) total += literal.Bytes;
        if (total <= TablesBytes) return EquatableArray<BudgetOverrun>.Empty;

        cancellationToken.ThrowIfCancellationRequested();
        var taken = new HashSet<string>();
        var overruns = new List<BudgetOverrun>();
        long used = 0;
        foreach (var model in models)
        {
            long adds = 0;
            foreach (var literal in model.Literals)
                if (!taken.Contains(literal.Identity)) adds += literal.Bytes;
            if (adds == 0) continue;
            if (used + adds > TablesBytes)
            {
                overruns.Add(new BudgetOverrun(model.Key, DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, DiagnosticAnchor.Attribute,
                    TokenizerKey.SafeFileName(model.Key.VocabularyPath),
                    $"its tables take {TextDisplay.Number(adds)} bytes of string literals, and with the other tokenizers of this assembly "
                    + $"({TextDisplay.Number(total)} bytes in all) they overflow the {TextDisplay.Number(TablesBytes)} an assembly's string heap can give tables; "
                    + "move it into a project of its own, referenced by this one")));
                continue;
            }
            used += adds;
            foreach (var literal in model.Literals) taken.Add(literal.Identity);
        }
        return overruns.ToEquatableArray();
    }
}

/// <summary>A tokenizer left out of the assembly's string heap, and the TOK014 that says so.</summary>
internal sealed record BudgetOverrun(TokenizerKey Key, DiagnosticInfo Diagnostic);
