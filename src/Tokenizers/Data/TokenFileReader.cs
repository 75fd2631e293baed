using System;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Tokenizers.Data;

/// <summary>
/// Reads a token file (see <see cref="TokenFile"/>) through memory mapping, so files larger than RAM work. The file is
/// mapped a few fixed-size views at a time, least recently used unmapped first: the pages a process holds stay
/// bounded by <c>viewBytes × maxViews</c> whatever the file size and access order. Thread-safe.
/// </summary>
public sealed unsafe class TokenFileReader : IDisposable
{
    /// <summary>Default size of one mapped view: 4 MiB, so by default at most 16 MiB of the file is mapped.</summary>
    public const int DefaultViewBytes = 4 << 20;

    /// <summary>Default number of views kept mapped at once.</summary>
    public const int DefaultMaxViews = 4;

    private readonly MemoryMappedFile? _map;
    private readonly long _fileBytes;
    private readonly int _viewShift;
    private readonly int _tokenShift;
    private readonly View[] _views;
    private readonly object _gate = new();
    private long _clock;
    private bool _disposed;

    private TokenFileReader(string path, TokenFileWidth width, int viewBytes, int maxViews)
    {
        TokenFile.EnsureLittleEndian();
        if (viewBytes < 4096 || !BitOperations.IsPow2(viewBytes))
            throw new ArgumentOutOfRangeException(nameof(viewBytes), viewBytes, "A view is a power of two of at least 4,096 bytes.");
        if (maxViews < 1)
            throw new ArgumentOutOfRangeException(nameof(maxViews), maxViews, "At least one view must be mapped.");

        Path = path;
        Width = width;
        _tokenShift = TokenFile.BytesPerToken(width) == 2 ? 1 : 2;
        _viewShift = BitOperations.Log2((uint)viewBytes);
        _views = new View[maxViews];

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        try
        {
            _fileBytes = stream.Length;
            Count = TokenFile.CountTokens(_fileBytes, width, path);
            // An empty file cannot be mapped; it simply has no tokens.
            if (_fileBytes > 0)
                _map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            else
                stream.Dispose();
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens the token file at <paramref name="path"/>.</summary>
    /// <param name="path">The token file.</param>
    /// <param name="width">Its token width: <see cref="TokenFile.WidthFor"/> of the vocabulary size.</param>
    /// <param name="viewBytes">Bytes per mapped view: a power of two, at least 4,096.</param>
    /// <param name="maxViews">Views kept mapped at once.</param>
    /// <exception cref="InvalidDataException">The file length is not a whole number of tokens.</exception>
    public static TokenFileReader Open(string path, TokenFileWidth width, int viewBytes = DefaultViewBytes, int maxViews = DefaultMaxViews)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new TokenFileReader(path, width, viewBytes, maxViews);
    }

    public string Path { get; }

    public TokenFileWidth Width { get; }

    /// <summary>Number of tokens in the file.</summary>
    public long Count { get; }

    /// <summary>The token at <paramref name="index"/>.</summary>
    public int this[long index]
    {
        get
        {
            int id = 0;
            Read(index, new Span<int>(ref id));
            return id;
        }
    }

    /// <summary>Copies the tokens from <paramref name="start"/> on into <paramref name="destination"/>.</summary>
    public void Read(long start, Span<int> destination) => ReadCore(start, destination);

    /// <summary>Copies the tokens from <paramref name="start"/> on into <paramref name="destination"/>, as int64 for tensors.</summary>
    public void Read(long start, Span<long> destination) => ReadCore(start, destination);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            for (int i = 0; i < _views.Length; i++) _views[i].Unmap();
            _map?.Dispose();
        }
    }

    private void ReadCore<T>(long start, Span<T> destination) where T : unmanaged
    {
        if (start < 0 || start > Count - destination.Length)
            throw new ArgumentOutOfRangeException(nameof(start), start,
                $"Tokens [{start}, {start + destination.Length}) are outside the file's {Count} tokens.");
        if (destination.IsEmpty) return;

        long offset = start << _tokenShift;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (!destination.IsEmpty)
            {
                // Views hold whole tokens (their size is a power of two), so a token never straddles two views.
                ref View view = ref ViewAt(offset >> _viewShift);
                long inView = offset - view.Offset;
                int n = (int)Math.Min(destination.Length, (view.Length - inView) >> _tokenShift);
                byte* source = view.Pointer + inView;
                if (_tokenShift == 1) TokenFileWidening.FromUInt16(source, destination[..n]);
                else TokenFileWidening.FromUInt32(source, destination[..n]);
                destination = destination[n..];
                offset += (long)n << _tokenShift;
            }
        }
    }

    /// <summary>The mapped view number <paramref name="index"/>, mapping it in place of the least recently used one.</summary>
    private ref View ViewAt(long index)
    {
        int victim = 0;
        for (int i = 0; i < _views.Length; i++)
        {
            ref View v = ref _views[i];
            if (v.Pointer != null && v.Index == index)
            {
                v.LastUse = ++_clock;
                return ref v;
            }
            if (v.LastUse < _views[victim].LastUse) victim = i;
        }

        ref View slot = ref _views[victim];
        slot.Unmap();
        long offset = index << _viewShift;
        long length = Math.Min(1L << _viewShift, _fileBytes - offset);
        slot.Map(_map!, index, offset, length);
        slot.LastUse = ++_clock;
        return ref slot;
    }

    private struct View
    {
        public long Index;
        public long Offset;
        public long Length;
        public long LastUse;
        public byte* Pointer;
        private MemoryMappedViewAccessor? _accessor;

        public void Map(MemoryMappedFile map, long index, long offset, long length)
        {
            var accessor = map.CreateViewAccessor(offset, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            accessor.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _accessor = accessor;
            Pointer = pointer + accessor.PointerOffset;
            Index = index;
            Offset = offset;
            Length = length;
        }

        public void Unmap()
        {
            if (_accessor is null) return;
            _accessor.SafeMemoryMappedViewHandle.ReleasePointer();
            _accessor.Dispose();
            _accessor = null;
            Pointer = null;
            LastUse = 0;
        }
    }
}
