using System;
using System.Buffers;
using System.Collections.Generic;
using Tokenizers.Decoding;
using Tokenizers.Offsets;

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

    /// <summary>
    /// Encodes <paramref name="text"/> into its tokens, each with the chars of <paramref name="text"/> it stands for (mapped
    /// back through the tokenizer's normalizer where it has one; see <see cref="TokenOffset"/>). The ids are those of
    /// <see cref="EncodeToIds(string, SpecialTokenPolicy)"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    IReadOnlyList<TokenOffset> EncodeToTokens(string text, SpecialTokenPolicy? specialTokens = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TokenOffset>(text.Length / 3 + 4);
        var visitor = new TokenBudget.ListVisitor(tokens);
        TokenStream.Run(this, text, specialTokens ?? SpecialTokenPolicy.None, ref visitor);
        return tokens;
    }

    /// <summary>
    /// The end of the longest prefix of <paramref name="text"/> whose tokens number at most <paramref name="maxTokenCount"/>
    /// (<see cref="string.Length"/> when all fit), as ML.Tokenizers' <c>GetIndexByTokenCount</c>: the cut falls between
    /// tokens, and tokens that share a character (one split inside its UTF-8) are kept or dropped together. Allocates nothing.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxTokenCount">The budget.</param>
    /// <param name="tokenCount">The number of tokens of the prefix.</param>
    /// <param name="specialTokens">How special-token text is encoded; null for <see cref="SpecialTokenPolicy.None"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokenCount"/> is not positive.</exception>
    int GetIndexByTokenCount(ReadOnlySpan<char> text, int maxTokenCount, out int tokenCount, SpecialTokenPolicy? specialTokens = null)
        => TokenBudget.IndexOfPrefix(this, text, maxTokenCount, specialTokens ?? SpecialTokenPolicy.None, out tokenCount);

    /// <summary>
    /// The start of the longest suffix of <paramref name="text"/> whose tokens number at most <paramref name="maxTokenCount"/>
    /// (0 when all fit, the text's length when none does), as ML.Tokenizers' <c>GetIndexByTokenCountFromEnd</c>, with the
    /// same rules as <see cref="GetIndexByTokenCount"/>. Allocates nothing.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxTokenCount">The budget.</param>
    /// <param name="tokenCount">The number of tokens of the suffix.</param>
    /// <param name="specialTokens">How special-token text is encoded; null for <see cref="SpecialTokenPolicy.None"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokenCount"/> is not positive.</exception>
    int GetIndexByTokenCountFromEnd(ReadOnlySpan<char> text, int maxTokenCount, out int tokenCount, SpecialTokenPolicy? specialTokens = null)
        => TokenBudget.IndexOfSuffix(this, text, maxTokenCount, specialTokens ?? SpecialTokenPolicy.None, out tokenCount);

    /// <summary>
    /// Decodes into a caller's buffer. <paramref name="idsConsumed"/> and <paramref name="charsWritten"/> count the ids whose
    /// text is complete: <see cref="OperationStatus.DestinationTooSmall"/> when the next does not fit,
    /// <see cref="OperationStatus.NeedMoreData"/> when the ids end inside a character, <see cref="OperationStatus.InvalidData"/>
    /// at an id not in the vocabulary. Allocates nothing where the text is the tokens' bytes (BPE, byte-level tokenizer.json).
    /// </summary>
    OperationStatus Decode(ReadOnlySpan<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
        => SpanDecoder.Decode(this, ids, destination, out idsConsumed, out charsWritten);

    /// <summary>
    /// The text of token <paramref name="id"/>: its vocabulary entry for a tokenizer.json model or a word list, else its
    /// bytes as UTF-8 (a token that holds part of a character has U+FFFD there). Its bytes: <see cref="DecodeToBytes"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not in the vocabulary.</exception>
    string GetToken(int id) => TokenLookup.GetToken(this, id);

    /// <summary>The id whose <see cref="GetToken"/> is <paramref name="token"/>, special tokens included. Allocates nothing.</summary>
    bool TryGetId(ReadOnlySpan<char> token, out int id) => TokenLookup.TryGetId(this, token, out id);
}
