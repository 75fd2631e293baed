using System;

namespace Tokenizers.Bpe;

/// <summary>Where encoding puts ids; a struct type argument, so each sink gets its own specialised, inlined code.</summary>
internal interface ITokenSink
{
    /// <summary>Takes one piece's ids; false when they do not fit, and nothing was taken.</summary>
    bool TryAdd(ReadOnlySpan<int> ids);

    /// <summary>Takes a piece of one id; false when it does not fit.</summary>
    bool TryAdd(int id);
}

internal struct CountingSink : ITokenSink
{
    public int Count;

    public bool TryAdd(ReadOnlySpan<int> ids)
    {
        Count += ids.Length;
        return true;
    }

    public bool TryAdd(int id)
    {
        Count++;
        return true;
    }
}

/// <summary>Writes into a pinned caller buffer (a pointer, because ref structs cannot be type arguments on net8.0).</summary>
internal unsafe struct SpanSink(int* destination, int length) : ITokenSink
{
    public int Written;

    public bool TryAdd(ReadOnlySpan<int> ids)
    {
        if (ids.Length > length - Written) return false;
        ids.CopyTo(new Span<int>(destination + Written, length - Written));
        Written += ids.Length;
        return true;
    }

    public bool TryAdd(int id)
    {
        if (Written == length) return false;
        destination[Written++] = id;
        return true;
    }
}
