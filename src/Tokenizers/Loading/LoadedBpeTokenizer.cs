using System;
using System.Buffers;
using System.Collections.Generic;
using Tokenizers.Bpe;
using Tokenizers.PreTokenization;

namespace Tokenizers.Loading;

/// <summary>A byte-level BPE tokenizer loaded at run time: the members a generated class has, over tables built in memory.</summary>
internal sealed class LoadedBpeTokenizer(BytePairModel model, PreTokenizer preTokenizer) : IStreamableTokenizer
{
    public PreTokenizer PreTokenizer { get; } = preTokenizer;

    public IReadOnlyList<SpecialToken> SpecialTokens => model.SpecialTokens;

    public int VocabularySize => model.VocabularySize;

    public IReadOnlyList<int> EncodeToIds(string text) => model.EncodeToIds(text, SpecialTokenPolicy.None);

    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens) => model.EncodeToIds(text, specialTokens);

    public OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten,
        SpecialTokenPolicy? specialTokens = null)
        => model.EncodeToIds(text, destination, out charsConsumed, out idsWritten, specialTokens ?? SpecialTokenPolicy.None);

    public int CountTokens(string text) => model.CountTokens(text, SpecialTokenPolicy.None);

    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy? specialTokens = null) => model.CountTokens(text, specialTokens ?? SpecialTokenPolicy.None);

    public string Decode(IEnumerable<int> ids) => model.Decode(ids);

    public int DecodeToBytes(int id, Span<byte> destination) => model.DecodeToBytes(id, destination);

    public bool TryGetId(ReadOnlySpan<char> token, out int id) => model.TryGetId(token, out id);
}
