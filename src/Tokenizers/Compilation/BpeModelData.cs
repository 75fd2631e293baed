namespace Tokenizers.Compilation;

/// <summary>One entry of <c>model.vocab</c>: the token as written (byte-level models: GPT-2's alphabet) and its id.</summary>
internal readonly record struct VocabEntry(string Token, int Id, SourcePoint Where);

/// <summary>
/// One entry of <c>model.merges</c> (<c>"a b"</c> or <c>["a", "b"]</c>), with its index: Hugging Face merges the
/// adjacent pair with the lowest index. Its JSON path is <c>model.merges[Index]</c>.
/// </summary>
internal readonly record struct MergeEntry(string Left, string Right, int Index, SourcePoint Where);
