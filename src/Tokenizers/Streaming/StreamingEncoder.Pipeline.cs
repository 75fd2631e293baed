using System;
using System.IO;
using System.Threading;

namespace Tokenizers;

public sealed partial class StreamingEncoder
{
    /// <summary>
    /// A continuous parallel encode: every thread (the calling one and <c>threads - 1</c> helpers from the pool) claims the
    /// next group of chunks when it is free, reads it under a lock (so groups are read in order and numbered), encodes it
    /// and publishes it; the calling thread delivers published groups in order between its own. No barrier: a thread never
    /// waits for another unless the ring of groups is full or the next group to deliver is still being encoded.
    /// </summary>
    private sealed class Pipeline : IDisposable
    {
        /// <summary>Groups in flight a thread: enough that a thread the OS holds back for a while stalls no one, few enough to bound memory.</summary>
        private const int GroupsPerThread = 3;

        /// <summary>Chunks a group: a group is the unit of hand-off, so more than one chunk pays for it; few, so the last group's tail is short.</summary>
        private const int ChunksPerGroup = 2;

        /// <summary>More threads than this would only wait for a free group.</summary>
        private const int MaxThreads = 256;

        private readonly StreamingEncoder _owner;
        private readonly Chunker _chunker;
        private readonly ChunkGroup[] _ring;
        private readonly int _threads;

        /// <summary>Held while a group is claimed and read: one reader at a time, and groups numbered in the order they are read.</summary>
        private readonly object _readLock = new();

        /// <summary>Waits and wake-ups: a group published, a group delivered, a helper leaving, cancellation.</summary>
        private readonly object _gate = new();

        private long _claimed;          // groups claimed so far, written under _readLock
        private long _delivered;        // groups delivered so far, written by the calling thread under _gate
        private volatile bool _closed;  // no more claims: the stream ended, reading or encoding failed, or the caller left
        private int _helpers;           // helpers inside the pipeline, under _gate

        public Pipeline(StreamingEncoder owner, TextReader reader, int threads, bool keepIds)
        {
            _owner = owner;
            _threads = Math.Min(threads, MaxThreads);
            _ring = new ChunkGroup[GroupsPerThread * _threads];
            for (int i = 0; i < _ring.Length; i++) _ring[i] = new ChunkGroup(keepIds);
            _chunker = new Chunker(owner, reader);
        }

        public StreamingEncodeResult Run(TokenSpanAction? onIds, Action<long>? onTokens, CancellationToken cancellationToken)
        {
            for (int i = 1; i < _threads; i++) ThreadPool.UnsafeQueueUserWorkItem(static p => p.Help(), this, preferLocal: false);
            using CancellationTokenRegistration wake = cancellationToken.Register(static p => ((Pipeline)p!).WakeAll(), this);
            long tokens = 0;
            try
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ChunkGroup next = _ring[_delivered % _ring.Length];
                    if (next.PublishedAs == _delivered)
                    {
                        // As the sequential encode does, an error comes after the ids of everything before it.
                        long delivered = next.Deliver(onIds);
                        tokens += delivered;
                        onTokens?.Invoke(delivered);
                        lock (_gate)
                        {
                            _delivered++;
                            Monitor.PulseAll(_gate);
                        }
                        continue;
                    }
                    if (Finished) break;
                    if (TryClaim(out ChunkGroup? mine))
                    {
                        EncodeAndPublish(mine);
                        continue;
                    }
                    lock (_gate)
                        while (next.PublishedAs != _delivered && !Finished && !cancellationToken.IsCancellationRequested)
                            Monitor.Wait(_gate);
                }
                return new StreamingEncodeResult(_chunker.CharsRead, tokens, _chunker.ForcedCuts);
            }
            finally
            {
                // Helpers still encoding write into the ring: wait for them before the buffers go back to the pool.
                _closed = true;
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                    while (_helpers > 0) Monitor.Wait(_gate);
                }
            }
        }

        /// <summary>Every group claimed has been delivered and none will be claimed again. <see cref="_closed"/> is set after <see cref="_claimed"/> moves, so it is read first.</summary>
        private bool Finished => _closed && Volatile.Read(ref _delivered) == Volatile.Read(ref _claimed);

        private void Help()
        {
            lock (_gate)
            {
                // Queued but started after the caller left (a tiny input): the ring may already be back in the pool.
                if (_closed) return;
                _helpers++;
            }
            try
            {
                while (true)
                {
                    if (TryClaim(out ChunkGroup? group))
                    {
                        EncodeAndPublish(group);
                        continue;
                    }
                    lock (_gate)
                    {
                        while (!_closed && _claimed - _delivered >= _ring.Length) Monitor.Wait(_gate);
                        if (_closed) return;
                    }
                }
            }
            finally
            {
                lock (_gate)
                {
                    _helpers--;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>
        /// The next group, read from the stream, when one is free and the stream goes on. Whoever sets <see cref="_closed"/>
        /// here publishes a group afterwards, which wakes every waiter to see it.
        /// </summary>
        private bool TryClaim([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChunkGroup? group)
        {
            lock (_readLock)
            {
                long sequence = _claimed;
                if (_closed || sequence - Volatile.Read(ref _delivered) >= _ring.Length)
                {
                    group = null;
                    return false;
                }
                group = _ring[sequence % _ring.Length];
                Volatile.Write(ref _claimed, sequence + 1);
                if (!group.Fill(_chunker, ChunksPerGroup, sequence)) _closed = true;
                return true;
            }
        }

        private void EncodeAndPublish(ChunkGroup group)
        {
            // A failed group ends the claims: the groups after it would be thrown away.
            if (!group.Encode(_owner)) _closed = true;
            lock (_gate)
            {
                group.Publish();
                Monitor.PulseAll(_gate);
            }
        }

        private void WakeAll()
        {
            lock (_gate) Monitor.PulseAll(_gate);
        }

        public void Dispose()
        {
            foreach (ChunkGroup group in _ring) group.Dispose();
            _chunker.Dispose();
        }
    }
}
