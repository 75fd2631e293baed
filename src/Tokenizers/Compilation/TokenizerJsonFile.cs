using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>
/// A tokenizer.json as read by <see cref="TokenizerJsonReader.Read"/>: its pipeline, its vocabulary and merges in file
/// order, and the problems found. <see cref="Definition"/> is null whenever <see cref="Errors"/> is not empty.
/// </summary>
internal sealed record TokenizerJsonFile(
    TokenizerDefinition? Definition,
    IReadOnlyList<VocabEntry> Vocab,
    IReadOnlyList<MergeEntry> Merges,
    IReadOnlyList<CompileError> Errors);
