using System;
using System.Buffers;
using System.Collections.Generic;

namespace Tokenizers;

/// <summary>A tokenizer: text to token ids and back. Implementations are immutable and thread-safe.</summary>
public interface ITokenizer
{
    /// <summary>Number of ids: one more than the largest id, special tokens included.</summary>
    int VocabularySize { get; }

    /// <summary>Encodes <paramref name="text"/>; special-token text is encoded as ordinary text.</summary>
    IReadOnlyList<int> EncodeToIds(string text);

    /// <summary>Encodes <paramref name="text"/>, recognising special tokens as <paramref name="specialTokens"/> says.</summary>
    IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens);

    /// <summary>
    /// Encodes <paramref name="text"/> and, when <paramref name="addSpecialTokens"/> is true, applies the tokenizer's
    /// post-processor (a Hugging Face tokenizer.json's BOS/EOS template). Tokenizers without one add nothing.
    /// </summary>
    IReadOnlyList<int> EncodeToIds(string text, SpecialTokenPolicy specialTokens, bool addSpecialTokens)
        => EncodeToIds(text, specialTokens);

    /// <summary>
    /// Encodes into a caller's buffer without allocating. Stops at a piece boundary when <paramref name="destination"/> is
    /// full and returns <see cref="OperationStatus.DestinationTooSmall"/>; <paramref name="charsConsumed"/> says where to resume.
    /// </summary>
    OperationStatus EncodeToIds(ReadOnlySpan<char> text, Span<int> destination, out int charsConsumed, out int idsWritten,
        SpecialTokenPolicy? specialTokens = null);

    /// <summary>
    /// Encodes every text, in parallel over the machine's cores; element <c>i</c> holds the ids of <c>texts[i]</c>.
    /// </summary>
    IReadOnlyList<int>[] EncodeBatch(IReadOnlyList<string> texts, SpecialTokenPolicy? specialTokens = null)
        => TokenizerBatch.Encode(this, texts, specialTokens);

    /// <summary>Number of tokens <see cref="EncodeToIds(string)"/> would return, without allocating.</summary>
    int CountTokens(string text);

    /// <summary>Number of tokens of <paramref name="text"/>, without allocating.</summary>
    int CountTokens(ReadOnlySpan<char> text, SpecialTokenPolicy? specialTokens = null);

    /// <summary>Decodes ids to text. Invalid UTF-8 sequences become U+FFFD.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in the vocabulary.</exception>
    string Decode(IEnumerable<int> ids);

    /// <summary>Appends the bytes of token <paramref name="id"/> (UTF-8, possibly a partial character) to <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written, or -1 when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The id is not in the vocabulary.</exception>
    int DecodeToBytes(int id, Span<byte> destination);
}
