using System;
using System.Buffers;
using Tokenizers.HuggingFace;
using Tokenizers.WordLevel;

namespace Tokenizers.Offsets;

/// <summary>
/// The tokens of a text with their chars, for any <see cref="ITokenizer"/>: its own ids (encoded a buffer at a time
/// through the allocation-free span overload), each located by <see cref="TokenAligner"/>. An unknown word's token is
/// located by where the next token begins.
/// </summary>
internal static class TokenStream
{
    private const int StackIds = 256, StackBytes = 256;

    // atTextStart: false for the rest of a text after a place where the span encoder stopped (a Prepend normalizer's
    // ▁ before the text's start is read only there).
    public static void Run<TVisitor>(ITokenizer tokenizer, ReadOnlySpan<char> text, SpecialTokenPolicy policy, ref TVisitor visitor,
        bool atTextStart = true)
        where TVisitor : struct, ITokenVisitor
    {
        int unknownId = tokenizer is IWordLevelModelOwner words ? words.Model.UnknownId ?? -1 : -1;
        HuggingFaceModel? model = (tokenizer as IHuggingFaceModelOwner)?.Model;
        Span<int> stackIds = stackalloc int[StackIds];
        Span<byte> stackBytes = stackalloc byte[StackBytes];
        int[]? rentedIds = null;
        byte[]? rentedBytes = null;
        var aligner = new TokenAligner(text, atTextStart && (model?.PrependsToText ?? false));
        int pendingUnknown = -1;
        try
        {
            int position = 0;
            while (true)
            {
                Span<int> ids = rentedIds ?? stackIds;
                OperationStatus status = tokenizer.EncodeToIds(text[position..], ids, out int consumed, out int written, policy);
                for (int k = 0; k < written; k++)
                {
                    int id = ids[k];
                    ReadOnlySpan<byte> bytes = TokenBytes(tokenizer, model, id, stackBytes, ref rentedBytes);
                    if (pendingUnknown >= 0)
                    {
                        int end = aligner.Find(bytes, pendingUnknown + 1);
                        if (!visitor.Visit(unknownId, pendingUnknown, TrimEnd(text, pendingUnknown, end))) return;
                        aligner.MoveTo(end);
                        pendingUnknown = -1;
                    }
                    if (id == unknownId)
                    {
                        pendingUnknown = aligner.SkipWhiteSpace();
                        continue;
                    }
                    aligner.Next(bytes, out int start, out int stop);
                    if (!visitor.Visit(id, start, stop)) return;
                }
                if (status == OperationStatus.Done) break;
                if (written == 0)
                {
                    // One piece holds more ids than the buffer: a bigger one.
                    int size = ids.Length * 4;
                    if (rentedIds is not null) ArrayPool<int>.Shared.Return(rentedIds);
                    rentedIds = ArrayPool<int>.Shared.Rent(size);
                }
                position += consumed;
            }
            if (pendingUnknown >= 0) visitor.Visit(unknownId, pendingUnknown, TrimEnd(text, pendingUnknown, text.Length));
        }
        finally
        {
            if (rentedIds is not null) ArrayPool<int>.Shared.Return(rentedIds);
            if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
        }
    }

    /// <summary>
    /// The bytes a token spells in the text: a tokenizer.json model's vocabulary bytes (a <c>&lt;0xNN&gt;</c> token its byte,
    /// a <c>▁</c> left for the aligner to read as the space it stands for), else the token's decoded bytes.
    /// </summary>
    private static ReadOnlySpan<byte> TokenBytes(ITokenizer tokenizer, HuggingFaceModel? model, int id, Span<byte> stack, ref byte[]? rented)
    {
        if (model is not null) return model.AlignmentBytes(id, stack);
        Span<byte> buffer = rented ?? stack;
        while (true)
        {
            int count = tokenizer.DecodeToBytes(id, buffer);
            if (count >= 0) return buffer[..count];
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            rented = ArrayPool<byte>.Shared.Rent(buffer.Length * 4);
            buffer = rented;
        }
    }

    private static int TrimEnd(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start + 1 && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
