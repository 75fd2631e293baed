using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Tokenizers.OpenAI;

namespace Tokenizers.Fuzz.Tests.Runtime;

/// <summary>
/// Generated tokenizers are immutable: eight threads encoding, counting, decoding and streaming different texts at
/// once, through shared instances, get exactly the results of doing the same one after another.
/// </summary>
public class ConcurrencyTests
{
    private const int Threads = 8;

    private sealed record Job(string Encoding, string Text, SpecialTokenPolicy Policy);

    private sealed record Outcome(int[] Ids, int Count, string Decoded, int[] Streamed, int[] SpanIds);

    private static Outcome Run(Job job, ITokenizer tokenizer)
    {
        int[] ids = tokenizer.EncodeToIds(job.Text, job.Policy).ToArray();
        int count = tokenizer.CountTokens(job.Text, job.Policy);
        string decoded = tokenizer.Decode(ids);
        var streamed = new List<int>();
        new StreamingEncoder((IStreamableTokenizer)tokenizer, job.Policy, chunkChars: 32).Encode(new StringReader(job.Text), s => streamed.AddRange(s.ToArray()));
        // The allocation-free API, resumed through a small buffer.
        var spanIds = new List<int>();
        Span<int> buffer = stackalloc int[7];
        ReadOnlySpan<char> rest = job.Text;
        while (true)
        {
            var status = tokenizer.EncodeToIds(rest, buffer, out int consumed, out int written, job.Policy);
            for (int i = 0; i < written; i++) spanIds.Add(buffer[i]);
            rest = rest[consumed..];
            if (status == System.Buffers.OperationStatus.Done) break;
            if (written == 0) buffer = new int[buffer.Length * 4];
        }
        return new Outcome(ids, count, decoded, streamed.ToArray(), spanIds.ToArray());
    }

    [Fact]
    public void EightThreadsGetTheSequentialResults()
    {
        var generator = new FuzzText(8080);
        var jobs = new List<Job>();
        for (int i = 0; i < Threads * 60; i++)
        {
            string text = string.Concat(Enumerable.Range(0, 1 + i % 5).Select(_ => generator.Next())).Replace("<|endofprompt|>", "<|endoftext|>");
            string encoding = OpenAIEncodings.Names[i % OpenAIEncodings.Names.Count];
            jobs.Add(new Job(encoding, text, i % 3 == 0 ? SpecialTokenPolicy.All : SpecialTokenPolicy.None));
        }

        // One shared instance per encoding, as an application would hold them.
        var shared = OpenAIEncodings.Names.ToDictionary(n => n, n => OpenAIEncodings.Get(n));
        Outcome[] sequential = jobs.Select(j => Run(j, shared[j.Encoding])).ToArray();

        var concurrent = new Outcome[jobs.Count];
        using var start = new Barrier(Threads);
        var errors = new List<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                // Thread t takes jobs t, t + 8, t + 16, … (odd threads from the end), so at any moment the threads are
                // encoding different texts, in different encodings, through the same instances.
                int per = jobs.Count / Threads;
                for (int k = 0; k < per; k++)
                {
                    int i = (t % 2 == 0 ? k : per - 1 - k) * Threads + t;
                    concurrent[i] = Run(jobs[i], shared[jobs[i].Encoding]);
                }
            }
            catch (Exception e)
            {
                lock (errors) errors.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        for (int i = 0; i < jobs.Count; i++)
        {
            Outcome a = sequential[i], b = concurrent[i];
            Assert.NotNull(b);
            Assert.Equal(a.Ids, b.Ids);
            Assert.Equal(a.Count, b.Count);
            Assert.Equal(a.Decoded, b.Decoded);
            Assert.Equal(a.Ids, b.Streamed);
            Assert.Equal(a.Ids, b.SpanIds);
            Assert.Equal(a.Ids.Length, a.Count);
        }
    }

    [Fact]
    public void EightThreadsOnOneLongTextEach()
    {
        ITokenizer o200k = OpenAIEncodings.Get("o200k_base");
        string[] texts = Enumerable.Range(0, Threads)
            .Select(t => string.Concat(Enumerable.Range(0, 3000).Select(i => $"{t}:{i} ünïcödé 文本 😀 {new string('x', i % 50)}\n")))
            .ToArray();
        int[][] expected = texts.Select(t => o200k.EncodeToIds(t).ToArray()).ToArray();
        int[][] actual = new int[Threads][];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t => actual[t] = o200k.EncodeToIds(texts[t]).ToArray());
        for (int t = 0; t < Threads; t++) Assert.Equal(expected[t], actual[t]);
    }
}
