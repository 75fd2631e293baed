using System;
using System.Diagnostics;
using System.IO;

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
    /// Hands the ids of the file at <paramref name="path"/> (or of <paramref name="text"/>) to <paramref name="onIds"/> in
    /// order. With <paramref name="validateFirst"/> the file is checked whole before the first id, for callers whose
    /// output cannot be taken back (stdout). <paramref name="addSpecialTokens"/> applies the post-processor to the whole text,
    /// which is then read whole.
    /// </summary>
    public static StreamingEncodeResult Encode(ITokenizer tokenizer, SpecialTokenPolicy policy, string? path, string? text,
        TokenSpanAction onIds, TextWriter stderr, string verb, bool validateFirst = false, bool addSpecialTokens = false)
    {
        if (path is not null && validateFirst) InputFiles.Validate(path);
        StreamingEncodeResult result;
        if (tokenizer is IStreamableTokenizer streamable && !addSpecialTokens)
        {
            var encoder = new StreamingEncoder(streamable, policy, maxChunkChars: MaxChunkChars);
            if (path is null)
            {
                result = encoder.Encode(new StringReader(text ?? ""), onIds);
            }
            else
            {
                using FileStream stream = InputFiles.Open(path);
                var progress = new Progress(stderr, verb, stream);
                try
                {
                    result = encoder.Encode(stream, ids =>
                    {
                        onIds(ids);
                        progress.Add(ids.Length);
                    }, throwOnInvalidUtf8: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw InputFiles.Describe(path, e);
                }
            }
        }
        else
        {
            string value = path is null ? text ?? "" : InputFiles.ReadAllText(path);
            int[] ids = [.. tokenizer.EncodeToIds(value, policy, addSpecialTokens)];
            onIds(ids);
            result = new StreamingEncodeResult(value.Length, ids.Length, 0);
        }
        if (result.ForcedCuts > 0)
            stderr.WriteLine($"tokenizers: warning: {result.ForcedCuts} run(s) of over {MaxChunkChars:N0} chars with no safe place to cut were split; "
                + "ids there may differ from encoding the text in one piece");
        return result;
    }

    /// <summary>A line on stderr at most once a second, from the second second on: short runs stay quiet.</summary>
    private sealed class Progress(TextWriter stderr, string verb, FileStream stream)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly long _length = SafeLength(stream);
        private long _tokens;
        private TimeSpan _last = TimeSpan.Zero;

        public void Add(int tokens)
        {
            _tokens += tokens;
            TimeSpan now = _clock.Elapsed;
            if (now - _last < TimeSpan.FromSeconds(1)) return;
            _last = now;
            double done = stream.CanSeek ? stream.Position : 0, mib = 1024.0 * 1024.0;
            string of = _length > 0 ? $" of {_length / mib:N1} MiB ({100 * done / _length:F0}%)" : " MiB";
            stderr.WriteLine($"{verb}: {done / mib:N1}{of}, {_tokens:N0} tokens, {done / mib / now.TotalSeconds:N1} MiB/s");
        }

        private static long SafeLength(FileStream stream)
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
