using System;
using Tokenizers.Data;

namespace Tokenizers.TorchSharp;

/// <summary>Tokens of a memory-mapped token file.</summary>
internal sealed class FileTokenSource(TokenFileReader reader, bool ownsReader) : TokenSource
{
    public override long Count => reader.Count;

    public override void Read(long start, Span<long> destination) => reader.Read(start, destination);

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsReader) reader.Dispose();
    }
}
