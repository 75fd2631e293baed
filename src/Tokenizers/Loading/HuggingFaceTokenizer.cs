using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using Tokenizers.Bpe;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.HuggingFace;

namespace Tokenizers.Loading;

/// <summary>
/// A Hugging Face tokenizer.json loaded at run time: the members a generated class has (HuggingFaceEmitter), over the
/// tables and spec that <see cref="TokenizerJsonCompiler"/> builds for the generator too, held in memory.
/// </summary>
internal sealed class HuggingFaceTokenizer(HuggingFaceModel model) : ITokenizer, IHuggingFaceModelOwner
{
    HuggingFaceModel IHuggingFaceModelOwner.Model => model;

    /// <summary>The generator's compile of a tokenizer.json's text.</summary>
    /// <exception cref="TokenizerFormatException">The generator's first error for this file.</exception>
    public static CompiledTokenizer Compile(string text, string path)
    {
        var compiled = TokenizerJsonCompiler.Compile(text, CancellationToken.None, out var errors);
        TokenizerFile.ThrowFirst(errors, path);
        return compiled!;
    }

    /// <summary>A tokenizer over a compile's tables and spec, fresh or read back from a <see cref="TableCache"/>.</summary>
    public static HuggingFaceTokenizer Create(IReadOnlyList<NamedTable> compiledTables, string spec)
    {
        var tables = new ConstantTable[compiledTables.Count];
        for (int i = 0; i < tables.Length; i++) tables[i] = ConstantTable.FromString(compiledTables[i].Data);
        return new HuggingFaceTokenizer(new HuggingFaceModel(tables, spec));
    }

    /// <summary>The special added tokens, which ordinary text produces only when a <see cref="SpecialTokenPolicy"/> allows them.</summary>
    public IReadOnlyList<SpecialToken> SpecialTokens => model.SpecialTokens;

    public int VocabularySize => model.VocabularySize;

    public IReadOnlyList<int> EncodeToIds(string text) => model.EncodeToIds(text, SpecialTokenPolicy.None);

    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens) => model.EncodeToIds(text, specialTokens);

    public IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens, bool addSpecialTokens)
        => model.EncodeToIds(text, specialTokens, addSpecialTokens);

    public OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten,
        SpecialTokenPolicy? specialTokens = null)
        => model.EncodeToIds(text, destination, out charsConsumed, out idsWritten, specialTokens ?? SpecialTokenPolicy.None);

    public int CountTokens(string text) => model.CountTokens(text, SpecialTokenPolicy.None);

    public int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy? specialTokens = null) => model.CountTokens(text, specialTokens ?? SpecialTokenPolicy.None);

    public string Decode(IEnumerable<int> ids) => model.Decode(ids);

    public int DecodeToBytes(int id, Span<byte> destination) => model.DecodeToBytes(id, destination);
}
