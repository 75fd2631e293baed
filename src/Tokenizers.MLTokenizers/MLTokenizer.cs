using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Microsoft.ML.Tokenizers;

namespace Tokenizers.MLTokenizers;

/// <summary>
/// An <see cref="ITokenizer"/> behind Microsoft.ML.Tokenizers' <see cref="Tokenizer"/>: every public overload of
/// EncodeToIds, EncodeToTokens, CountTokens, GetIndexByTokenCount(FromEnd) and Decode lands here, on the tokenizer's own
/// members. Results are the tokenizer's: no normalized text is returned (offsets are into the caller's text), and
/// <c>considerPreTokenization: false</c>, which would change the ids, is refused.
/// </summary>
public sealed class MLTokenizer : Tokenizer
{
    private readonly SpecialTokenPolicy _specialTokens;

    // Each id's text as last seen, reused when a token spells the same chars again: ML.Tokenizers' EncodedToken needs
    // a string a token, and text repeats its tokens. Races only replace one equal string with another.
    private readonly string?[] _tokenTexts;

    internal MLTokenizer(ITokenizer tokenizer, SpecialTokenPolicy specialTokens)
    {
        Tokenizer = tokenizer;
        _specialTokens = specialTokens;
        _tokenTexts = new string?[Math.Max(tokenizer.VocabularySize, 0)];
    }

    /// <summary>The tokenizer that does the work.</summary>
    public ITokenizer Tokenizer { get; }

    protected override EncodeResults<int> EncodeToIds(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        Check(settings);
        string input = text ?? textSpan.ToString();
        if (settings.MaxTokenCount == int.MaxValue)
            return new EncodeResults<int> { Tokens = Tokenizer.EncodeToIds(input, _specialTokens), CharsConsumed = input.Length };
        int end = Tokenizer.GetIndexByTokenCount(input, settings.MaxTokenCount, out int count, _specialTokens);
        // The first ids of the whole text (a prefix encoded alone may merge differently at its end); no offsets needed.
        var all = Tokenizer.EncodeToIds(input, _specialTokens);
        var ids = new int[count];
        for (int i = 0; i < count; i++) ids[i] = all[i];
        return new EncodeResults<int> { Tokens = ids, CharsConsumed = end };
    }

    protected override EncodeResults<EncodedToken> EncodeToTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        Check(settings);
        string input = text ?? textSpan.ToString();
        var result = new List<EncodedToken>(input.Length / 4 + 4);
        var visitor = new EncodedTokenVisitor(this, input, result);
        Tokenizer.VisitTokens(input.AsSpan(), ref visitor, _specialTokens);
        return new EncodeResults<EncodedToken> { Tokens = result, CharsConsumed = input.Length };
    }

    private string TextOf(string input, int id, int start, int end)
    {
        if (end <= start) return string.Empty;
        ReadOnlySpan<char> chars = input.AsSpan(start, end - start);
        if ((uint)id >= (uint)_tokenTexts.Length) return chars.ToString();
        string? cached = _tokenTexts[id];
        if (cached is not null && chars.SequenceEqual(cached)) return cached;
        return _tokenTexts[id] = chars.ToString();
    }

    /// <summary>ML.Tokenizers' tokens straight from the tokenizer's, with no list of offsets between.</summary>
    private readonly struct EncodedTokenVisitor(MLTokenizer owner, string input, List<EncodedToken> tokens) : ITokenVisitor
    {
        public bool Visit(int id, int start, int end)
        {
            tokens.Add(new EncodedToken(id, owner.TextOf(input, id, start, end), new Range(start, end)));
            return true;
        }
    }

    protected override int CountTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        Check(settings);
        ReadOnlySpan<char> input = text is null ? textSpan : text.AsSpan();
        if (settings.MaxTokenCount == int.MaxValue) return Tokenizer.CountTokens(input, _specialTokens);
        Tokenizer.GetIndexByTokenCount(input, settings.MaxTokenCount, out int count, _specialTokens);
        return count;
    }

    protected override int GetIndexByTokenCount(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings, bool fromEnd,
        out string? normalizedText, out int tokenCount)
    {
        Check(settings);
        normalizedText = null;
        ReadOnlySpan<char> input = text is null ? textSpan : text.AsSpan();
        if (input.IsEmpty)
        {
            tokenCount = 0;
            return 0;
        }
        return fromEnd
            ? Tokenizer.GetIndexByTokenCountFromEnd(input, settings.MaxTokenCount, out tokenCount, _specialTokens)
            : Tokenizer.GetIndexByTokenCount(input, settings.MaxTokenCount, out tokenCount, _specialTokens);
    }

    public override string Decode(IEnumerable<int> ids) => Tokenizer.Decode(ids ?? throw new ArgumentNullException(nameof(ids)));

    public override OperationStatus Decode(IEnumerable<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
    {
        switch (ids)
        {
            case null:
                throw new ArgumentNullException(nameof(ids));
            case int[] array:
                return Tokenizer.Decode(array, destination, out idsConsumed, out charsWritten);
            case List<int> list:
                return Tokenizer.Decode(CollectionsMarshal.AsSpan(list), destination, out idsConsumed, out charsWritten);
        }
        int[] copy = [.. ids];
        return Tokenizer.Decode(copy, destination, out idsConsumed, out charsWritten);
    }

    /// <exception cref="NotSupportedException">Pre-tokenization is asked to be skipped: the tokenizer always runs its own.</exception>
    private static void Check(EncodeSettings settings)
    {
        if (!settings.ConsiderPreTokenization)
            throw new NotSupportedException("considerPreTokenization: false is not supported: the tokenizer always pre-tokenizes as its model was trained.");
    }
}
