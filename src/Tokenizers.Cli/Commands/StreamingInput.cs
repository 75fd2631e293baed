using System;
using System.Diagnostics;
using System.IO;
using Tokenizers.Streaming;

namespace Tokenizers.Cli.Commands;

/// <summary>
/// Encodes <c>--input</c> or <c>--text</c> block by block: compiled BPE tokenizers stream through
/// <see cref="StreamingEncoder"/> in bounded memory with exactly the ids of whole-text encoding; other tokenizers
/// read the whole text first.
/// </summary>
internal static class StreamingInput
{
    /// <summary>
    /// Runs longer than this with no safe place to cut are cut anyway, with a warning: 1 Mi chars, beyond what
    /// tiktoken's own regex engine accepts in one piece, and small enough that one such piece keeps memory bounded.
    /// </summary>
    private const int MaxChunkChars = StreamingEncoder.DefaultMaxChunkChars;

    /// <summary>
    /// Hands the ids of the file at <paramref name="path"/> (<c>-</c>: standard input) or of <paramref name="text"/> to
    /// <paramref name="onIds"/> in order; with <paramref name="onIds"/> null, only counts them. The input is read once,
    /// unless <paramref name="validateFirst"/> asks that it be checked whole before the first id (for callers whose output
    /// cannot be taken back, stdout) and it is seekable; an input that is not is checked as it streams, so a bad byte
    /// fails the command after the ids before it. A file is encoded on <paramref name="threads"/> threads, cut into chunks
    /// where the ids cannot change. <paramref name="addSpecialTokens"/> applies the post-processor to the whole text,
    /// which is then read whole.
    /// </summary>
    public static StreamingEncodeResult Encode(ITokenizer tokenizer, SpecialTokenPolicy policy, string? path, string? text,
        TokenSpanAction? onIds, TextWriter stderr, string verb, bool validateFirst = false, bool addSpecialTokens = false,
        int threads = 1, bool quiet = false)
    {
        StreamingEncodeResult result;
        var streamable = addSpecialTokens ? null : tokenizer as IStreamableTokenizer;
        if (path is null)
        {
            text ??= "";
            result = streamable is null
                ? EncodeWhole(tokenizer, policy, text, onIds, addSpecialTokens)
                : new StreamingEncoder(streamable, policy, maxChunkChars: MaxChunkChars).Encode(new StringReader(text), onIds ?? (_ => { }));
        }
        else
        {
            using InputStream input = InputFiles.Open(path);
            if (validateFirst) InputFiles.ValidateIfSeekable(input);
            if (streamable is null)
            {
                result = EncodeWhole(tokenizer, policy, InputFiles.ReadAllText(input), onIds, addSpecialTokens);
            }
            else
            {
                var encoder = new StreamingEncoder(streamable, policy, maxChunkChars: MaxChunkChars);
                var progress = new Progress(quiet ? TextWriter.Null : stderr, verb, input.Stream);
                try
                {
                    using var reader = new Utf8TextReader(input.Stream, throwOnInvalid: true, leaveOpen: true);
                    result = (onIds, threads) switch
                    {
                        (null, 1) => encoder.Encode(reader, ids => progress.Add(ids.Length)),
                        (null, _) => encoder.Count(reader, threads, progress.Add),
                        (_, 1) => encoder.Encode(reader, ids => { onIds(ids); progress.Add(ids.Length); }),
                        _ => encoder.Encode(reader, ids => { onIds(ids); progress.Add(ids.Length); }, threads),
                    };
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw InputFiles.Describe(input, e);
                }
            }
        }
        if (result.ForcedCuts > 0)
            stderr.WriteLine($"tokenizers: warning: {result.ForcedCuts} run(s) of over {MaxChunkChars:N0} chars with no safe place to cut were split; "
                + "ids there may differ from encoding the text in one piece");
        return result;
    }

    private static StreamingEncodeResult EncodeWhole(ITokenizer tokenizer, SpecialTokenPolicy policy, string text, TokenSpanAction? onIds,
        bool addSpecialTokens)
    {
        int[] ids = [.. tokenizer.EncodeToIds(text, policy, addSpecialTokens)];
        onIds?.Invoke(ids);
        return new StreamingEncodeResult(text.Length, ids.Length, 0);
    }

    /// <summary>A line on stderr at most once a second, from the second second on: short runs stay quiet.</summary>
    private sealed class Progress(TextWriter stderr, string verb, Stream stream)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly long _length = SafeLength(stream);
        private long _tokens;
        private TimeSpan _last = TimeSpan.Zero;

        public void Add(int tokens) => Add((long)tokens);

        public void Add(long tokens)
        {
            _tokens += tokens;
            TimeSpan now = _clock.Elapsed;
            if (now - _last < TimeSpan.FromSeconds(1)) return;
            _last = now;
            if (!stream.CanSeek)
            {
                stderr.WriteLine($"{verb}: {_tokens:N0} tokens");
                return;
            }
            double done = stream.Position, mib = 1024.0 * 1024.0;
            double rate = done / now.TotalSeconds;
            string of = _length > 0 ? $" of {_length / mib:N1} MiB ({100 * done / _length:F0}%)" : " MiB";
            string eta = _length > 0 && rate > 0 ? $", ETA {TimeSpan.FromSeconds(Math.Ceiling((_length - done) / rate)):h\\:mm\\:ss}" : "";
            stderr.WriteLine($"{verb}: {done / mib:N1}{of}, {_tokens:N0} tokens, {rate / mib:N1} MiB/s{eta}");
        }

        private static long SafeLength(Stream stream)
        {
            try
            {
                return stream.CanSeek ? stream.Length : 0;
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
