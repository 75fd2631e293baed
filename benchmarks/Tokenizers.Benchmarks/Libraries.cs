using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.ML.Tokenizers;
using SharpToken;
using Tokenizers.OpenAI;

namespace Tokenizers.Benchmarks;

/// <summary>One library behind the operations the benchmarks compare.</summary>
public abstract class Library
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<int> Encode(string text);
    public abstract int Count(string text);
    public abstract string Decode(IReadOnlyList<int> ids);

    /// <summary>The library's span overload, where it has one.</summary>
    public virtual int EncodeSpan(string text, int[] buffer) => Encode(text).Count;

    /// <summary>Encodes many texts using every core.</summary>
    public virtual IReadOnlyList<int>[] EncodeBatch(string[] texts)
    {
        var result = new IReadOnlyList<int>[texts.Length];
        Parallel.For(0, texts.Length, i => result[i] = Encode(texts[i]));
        return result;
    }

    public static Library Ours(string encoding) => new OursLibrary(encoding);
    public static Library MlTokenizers(string encoding) => new MlLibrary(encoding);
    public static Library SharpToken(string encoding) => new SharpTokenLibrary(encoding);

    public static Library[] All(string encoding) => [Ours(encoding), MlTokenizers(encoding), SharpToken(encoding)];
}

public sealed class OursLibrary(string encoding) : Library
{
    public readonly ITokenizer Tokenizer = OpenAIEncodings.Get(encoding);
    public override string Name => "Tokenizers";
    public override IReadOnlyList<int> Encode(string text) => Tokenizer.EncodeToIds(text);
    public override int Count(string text) => Tokenizer.CountTokens(text);
    public override string Decode(IReadOnlyList<int> ids) => Tokenizer.Decode(ids);
    public override IReadOnlyList<int>[] EncodeBatch(string[] texts) => Tokenizer.EncodeBatch(texts);

    /// <summary>The span overload into a reused buffer (no allocation).</summary>
    public override int EncodeSpan(string text, int[] buffer)
    {
        var status = Tokenizer.EncodeToIds(text.AsSpan(), buffer, out _, out int written);
        if (status != OperationStatus.Done) throw new InvalidOperationException("buffer too small");
        return written;
    }
}

public sealed class MlLibrary(string encoding) : Library
{
    public readonly TiktokenTokenizer Tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
    public override string Name => "ML.Tokenizers";
    public override IReadOnlyList<int> Encode(string text) => Tokenizer.EncodeToIds(text);
    public override int Count(string text) => Tokenizer.CountTokens(text);
    public override string Decode(IReadOnlyList<int> ids) => Tokenizer.Decode(ids);
    public override int EncodeSpan(string text, int[] buffer) => Tokenizer.EncodeToIds(text.AsSpan()).Count;
}

public sealed class SharpTokenLibrary(string encoding) : Library
{
    public readonly GptEncoding Encoding = GptEncoding.GetEncoding(encoding);
    public override string Name => "SharpToken";
    public override IReadOnlyList<int> Encode(string text) => Encoding.Encode(text);
    public override int Count(string text) => Encoding.CountTokens(text);
    public override string Decode(IReadOnlyList<int> ids) => Encoding.Decode(ids);
    public override int EncodeSpan(string text, int[] buffer) => Encoding.Encode(text.AsSpan()).Count;
}
