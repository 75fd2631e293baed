using System.Collections.Generic;

namespace Tokenizers.Compilation;

/// <summary>One precomputed table, packed two bytes a char (Tokenizers.Data.PackedData's layout).</summary>
internal sealed record NamedTable(string Name, string Comment, string Data);

/// <summary>
/// A compiled tokenizer.json: its tables (in the order Tokenizers.HuggingFace.HuggingFaceModel's constructor takes
/// them), the spec string of its pipeline (TokenizerSpecWriter), and a line for the generated file's header that says
/// which encoder the vocabulary takes and why.
/// </summary>
internal sealed record CompiledTokenizer(IReadOnlyList<NamedTable> Tables, string Spec, string Summary, int VocabularySize);
