using System;
using System.Buffers;
using System.Text;
using Tokenizers.HuggingFace;
using Tokenizers.WordLevel;

namespace Tokenizers.Offsets;

/// <summary>
/// Id ↔ token text. A tokenizer.json model and a word list look up their own vocabulary; any other tokenizer's token
/// text is its bytes as UTF-8, and a text's id is the one id that encoding it gives (special tokens recognised) when
/// that id's bytes are the text's.
/// </summary>
internal static class TokenLookup
{
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
