using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using Tokenizers.Bpe;
using Tokenizers.HuggingFace;
using Tokenizers.WordLevel;

namespace Tokenizers.Offsets;

/// <summary>
/// Id ↔ token text. BPE models, tokenizer.json models and word lists look a text up in their own vocabulary; any other
/// tokenizer's token text is its bytes as UTF-8, and a text's id is the one id that encoding it gives (special tokens
/// recognised) when that id's bytes are the text's.
/// </summary>
internal static class TokenLookup
{
    /// <summary>A vocabulary looked up by a token's bytes.</summary>
    internal interface IByteVocabulary
    {
        bool TryGetId(ReadOnlySpan<byte> token, out int id);
    }

    /// <summary>A special token's id, else the id of the vocabulary token whose bytes are <paramref name="token"/>'s UTF-8.</summary>
    internal static bool TryGetId<TVocabulary>(ReadOnlySpan<char> token, IReadOnlyList<SpecialToken> specials, TVocabulary vocabulary, out int id)
        where TVocabulary : struct, IByteVocabulary
    {
        foreach (var special in specials)
        {
            if (token.SequenceEqual(special.Text))
            {
                id = special.Id;
                return true;
            }
        }
        int byteCount = Encoding.UTF8.GetByteCount(token);
        byte[]? rented = null;
        Span<byte> bytes = byteCount <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            int count = Encoding.UTF8.GetBytes(token, bytes);
            return vocabulary.TryGetId(bytes[..count], out id);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string GetToken(ITokenizer tokenizer, int id)
    {
        switch (tokenizer)
        {
            case IHuggingFaceModelOwner owner:
                return owner.Model.TokenText(id);
            case IWordLevelModelOwner owner:
                return owner.Model.GetToken(id);
        }
        Span<byte> stack = stackalloc byte[256];
        byte[]? rented = null;
        try
        {
            Span<byte> buffer = stack;
            int count;
            while ((count = tokenizer.DecodeToBytes(id, buffer)) < 0)
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
                buffer = rented = ArrayPool<byte>.Shared.Rent(buffer.Length * 4);
            }
            return Encoding.UTF8.GetString(buffer[..count]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static bool TryGetId(ITokenizer tokenizer, ReadOnlySpan<char> token, out int id)
    {
        switch (tokenizer)
        {
            case IHuggingFaceModelOwner owner:
                return owner.Model.TryGetId(token, out id);
            case IWordLevelModelOwner owner:
                return owner.Model.TryGetId(token, out id);
        }
        id = -1;
        if (token.IsEmpty) return false;
        Span<int> ids = stackalloc int[2];
        if (tokenizer.EncodeToIds(token, ids, out _, out int written, SpecialTokenPolicy.All) != OperationStatus.Done || written != 1)
            return false;
        // Encoding a token's text gives that token back, except where the text is some other token's too.
        int byteCount = Encoding.UTF8.GetByteCount(token);
        byte[]? rented = null;
        Span<byte> expected = byteCount <= 256 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(byteCount * 2));
        try
        {
            Encoding.UTF8.GetBytes(token, expected);
            Span<byte> actual = expected[byteCount..];
            int count = tokenizer.DecodeToBytes(ids[0], actual);
            if (count != byteCount || !actual[..count].SequenceEqual(expected[..byteCount])) return false;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        id = ids[0];
        return true;
    }
}
