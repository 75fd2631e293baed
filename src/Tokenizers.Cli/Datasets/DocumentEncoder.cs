using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Tokenizers.Data;
using Tokenizers.Streaming;

namespace Tokenizers.Cli.Datasets;

/// <summary>
/// Encodes batches of documents into a token file in nanoGPT's and llm.c's layout: for each document in order, the
/// separator token (<c>&lt;|endoftext|&gt;</c>) and then its ids, with special-token text as ordinary text
/// (<c>encode_ordinary</c>). A batch is split into runs of consecutive documents, four a thread; runs are written in order.
/// </summary>
internal sealed class DocumentEncoder : IDisposable
{
    /// <summary>Runs a thread, taken as threads finish: a thread held back by a busy machine delays a batch by one run.</summary>
    private const int RunsPerThread = 4;

    private readonly ITokenizer _tokenizer;
    private readonly int _separatorId;
    private readonly int _threads;
    private readonly Worker[] _workers;

    public DocumentEncoder(ITokenizer tokenizer, int separatorId, int threads)
    {
        _tokenizer = tokenizer;
        _separatorId = separatorId;
        _threads = threads;
        _workers = new Worker[threads * RunsPerThread];
        for (int i = 0; i < _workers.Length; i++) _workers[i] = new Worker();
    }

    /// <summary>Encodes <paramref name="rows"/> of <paramref name="source"/> and appends their ids to <paramref name="writer"/>; returns the ids written.</summary>
    /// <exception cref="CliException">A document is not valid UTF-8 or holds no string: the first such, in order; nothing of the batch is written.</exception>
    public long Encode(DocumentSource source, List<DocumentRow> rows, TokenFileWriter writer)
    {
        int parts = Math.Min(_workers.Length, Math.Max(1, rows.Count));
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = _threads }, part =>
        {
            Worker worker = _workers[part];
            worker.Ids.Count = 0;
            worker.Error = null;
            try
            {
                for (int i = rows.Count * part / parts, end = rows.Count * (part + 1) / parts; i < end; i++)
                {
                    worker.Ids.Add(_separatorId);
                    if (rows[i].IsNull) continue;
                    int length = source.Decode(rows[i], ref worker.Chars);
                    worker.Ids.Encode(_tokenizer, worker.Chars.AsSpan(0, length), SpecialTokenPolicy.None);
                }
            }
            catch (CliException e)
            {
                worker.Error = e; // the runs before it may hold an earlier error: reported in order below
            }
        });
        long tokens = 0;
        for (int part = 0; part < parts; part++)
            if (_workers[part].Error is CliException error) throw error;
        for (int part = 0; part < parts; part++)
        {
            writer.Write(_workers[part].Ids.Span);
            tokens += _workers[part].Ids.Count;
        }
        return tokens;
    }

    public void Dispose()
    {
        foreach (Worker worker in _workers) worker.Ids.Dispose();
    }

    private sealed class Worker
    {
        public readonly IdBuffer Ids = new();
        public char[] Chars = new char[1 << 12];
        public CliException? Error;
    }
}
