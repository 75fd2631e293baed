using System;
using System.Buffers;
using System.Collections.Generic;
using Tokenizers.WordLevel;

namespace Tokenizers.Loading;

/// <summary>A word-level tokenizer loaded at run time: the members a generated class has, over tables built in memory.</summary>
internal sealed class LoadedWordTokenizer(WordLevelModel model) : ITokenizer, IWordLevelModelOwner
{
    WordLevelModel IWordLevelModelOwner.Model => model;

    public int VocabularySize => model.VocabularySize;

    public IReadOnlyList<int> EncodeToIds(string text) => model.EncodeToIds(text);

    /// <summary>Word lists have no special tokens: the policy changes nothing.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens) => model.EncodeToIds(text);

    public OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten,
        SpecialTokenPolicy? specialTokens = null)
        => model.EncodeToIds(text, destination, out charsConsumed, out idsWritten);

    public int CountTokens(string text) => model.CountTokens(text);

    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy? specialTokens = null) => model.CountTokens(text);

    public string Decode(IEnumerable<int> ids) => model.Decode(ids);

    public int DecodeToBytes(int id, Span<byte> destination) => model.DecodeToBytes(id, destination);
}
