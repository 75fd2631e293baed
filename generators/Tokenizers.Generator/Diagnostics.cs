using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tokenizers.Generator;

/// <summary>Every diagnostic the generator reports. A broken vocabulary is a compiler error with a location.</summary>
internal static class Diagnostics
{
    private const string Category = "Tokenizers";

    private static DiagnosticDescriptor Error(string id, string title, string message, string help)
        => new(id, title, message + " " + help, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: help);

    public static readonly DiagnosticDescriptor FileNotFound = Error("TOK001", "Vocabulary file not found",
        "'{0}' matches no AdditionalFiles item.", "Add <AdditionalFiles Include=\"{0}\" /> to the project file.");

    public static readonly DiagnosticDescriptor InvalidTarget = Error("TOK002", "Invalid tokenizer class",
        "[GeneratedTokenizer] class '{0}' {1}.", "Declare it as a top-level, non-generic, non-static 'partial class'.");

    public static readonly DiagnosticDescriptor InvalidJson = Error("TOK003", "Invalid JSON",
        "{0}({1},{2}): {3}.", "vocab.json must be one JSON object mapping token strings to integer ids.");

    public static readonly DiagnosticDescriptor DuplicateToken = Error("TOK004", "Duplicate token",
        "{0}({1},{2}): token '{3}' appears more than once.", "Each token may appear once.");

    public static readonly DiagnosticDescriptor DuplicateId = Error("TOK005", "Duplicate id",
        "{0}({1},{2}): id {3} is used by '{4}' and '{5}'.", "Each id may name one token.");

    public static readonly DiagnosticDescriptor MissingByteAlphabet = Error("TOK006", "Byte-level alphabet incomplete",
        "{0}: the vocabulary has no token for {1} of the 256 bytes ({2}); byte-level BPE needs all 256.", "Add a single-byte token for each missing byte.");

    public static readonly DiagnosticDescriptor MalformedMerge = Error("TOK007", "Malformed merges file",
        "{0}({1},{2}): {3}.", "merges.txt starts with '#version: 0.2' and then has one 'left right' pair a line.");

    public static readonly DiagnosticDescriptor UnknownMergePart = Error("TOK008", "Merge refers to an unknown token",
        "{0}({1},{2}): {3} '{4}' of merge '{5}' is not in the vocabulary.", "Every merge's parts and result must be tokens of vocab.json.");

    public static readonly DiagnosticDescriptor InvalidRankLine = Error("TOK009", "Invalid .tiktoken line",
        "{0}({1},{2}): {3}.", "A .tiktoken file has one 'base64 rank' pair a line.");

    public static readonly DiagnosticDescriptor DuplicateRank = Error("TOK010", "Duplicate rank",
        "{0}({1},{2}): rank {3} is given twice.", "Each rank may name one token.");

    public static readonly DiagnosticDescriptor UnreadableFile = Error("TOK011", "Unreadable vocabulary file",
        "{0}: {1}.", "Vocabulary files are non-empty UTF-8 text.");

    public static readonly DiagnosticDescriptor InvalidPattern = Error("TOK012", "Invalid pre-tokenizer or split regex",
        "{0} '{1}' is not valid: {2}.", "PreTokenizer takes gpt2, cl100k, o200k or none; SplitRegex takes a valid regular expression.");

    public static readonly DiagnosticDescriptor InvalidSpecialToken = Error("TOK013", "Invalid special token",
        "Special token '{0}': {1}.", "Give special tokens as \"text=id\" with an id no vocabulary token uses.");

    public static readonly DiagnosticDescriptor VocabularyTooLarge = Error("TOK014", "Vocabulary too large",
        "{0}: {1}.", "Keep a large vocabulary in a project of its own, or file an issue to widen the generated layout.");

    public static readonly DiagnosticDescriptor InternalError = Error("TOK015", "Tokenizer generator failed",
        "The tokenizer generator failed on '{0}': {1}.", "Please report this with the vocabulary that caused it.");

    public static readonly DiagnosticDescriptor UnsupportedFormat = Error("TOK016", "Unsupported vocabulary format",
        "'{0}' is not a supported vocabulary: {1}.", "Use vocab.json with merges.txt, a .tiktoken file, or a word list (.txt).");

    public static readonly DiagnosticDescriptor InvalidWordList = Error("TOK017", "Invalid word list",
        "{0}({1},{2}): {3}.", "A word list has one token a line; the line index is the id.");

    public static readonly DiagnosticDescriptor UnknownTokenNotInVocabulary = Error("TOK018", "Unknown token not in the vocabulary",
        "UnknownToken '{0}' is not a line of '{1}'.", "Add it to the word list, or remove UnknownToken to throw on unknown words.");

    public static readonly DiagnosticDescriptor InvalidToken = Error("TOK019", "Invalid token",
        "{0}({1},{2}): {3}.", "Every token is non-empty text.");

    public static readonly DiagnosticDescriptor UnsupportedComponent = Error("TOK020", "Unsupported tokenizer.json component",
        "{0}.", "The generator compiles BPE tokenizer.json files; file an issue with the model if it needs this component.");

    public static readonly DiagnosticDescriptor MalformedTokenizerJson = Error("TOK021", "Malformed tokenizer.json",
        "{0}.", "tokenizer.json must be a Hugging Face tokenizers file (tokenizer.save()).");

    public static readonly DiagnosticDescriptor UnsupportedRegex = Error("TOK022", "Unsupported pattern construct",
        "{0}.", "The pre-tokenizer's regular expressions are compiled at build time; this construct is not supported.");

    public static readonly DiagnosticDescriptor AmbiguousFile = Error("TOK023", "Ambiguous vocabulary file",
        "'{0}' matches no AdditionalFiles item by its path relative to the project, and {1} items are named '{2}'.",
        "Write the file's path relative to the project in the attribute.");

    public static readonly DiagnosticDescriptor MisplacedSplitOption = Error("TOK024", "Split option set twice or for another kind of file",
        "{0}.", "BPE vocabularies take PreTokenizer, word lists take SplitRegex, a tokenizer.json takes neither; Pattern is the obsolete name of both.");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = typeof(Diagnostics)
        .GetFields()
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    // For problems found by the shared parsers (Tokenizers.Compilation.CompileError), whose messages are whole: the same
    // id, title and help as the descriptor above, with the message taken as written.
    private static readonly Dictionary<string, DiagnosticDescriptor> s_preformatted = s_byId.Values.ToDictionary(
        d => d.Id,
        d => new DiagnosticDescriptor(d.Id, d.Title, "{0}. " + d.Description, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: d.Description));

    /// <summary>The descriptor for a whole message under <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor Preformatted(string id) => s_preformatted[id];
}
