using System;
using System.Collections.Generic;
using System.Text;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// The decoder chain of a SentencePiece-style tokenizer.json (<see cref="DecoderSupport"/>), run over token strings
/// as Hugging Face's <c>decode_chain</c> steps run, but as a stream: each step takes one token at a time, or, after a
/// <c>Fuse</c>, one more chunk of the single fused token, and holds back only what a later token can still change (a
/// run of byte-fallback tokens, which is one string when it is valid UTF-8 as a whole and one U+FFFD per byte
/// otherwise; the chars a <c>Strip</c> may still cut from the end; the start of a <c>Replace</c> pattern).
/// <see cref="Decode"/> and the streaming decoder run the same steps, so their texts are the same.
/// </summary>
internal sealed class TokenTextDecoder
{
    private readonly DecoderDef[] _steps;

    private TokenTextDecoder(DecoderDef[] steps) => _steps = steps;

    /// <summary>The chain of a SentencePiece-style model.</summary>
    /// <exception cref="NotSupportedException">The decoder is not supported (the build reports it as TOK020).</exception>
    public static TokenTextDecoder Create(DecoderDef? decoder)
    {
        var steps = DecoderSupport.Steps(decoder, byteLevel: false, out string? problem, out string path)
            ?? throw new NotSupportedException($"{path}: {problem}.");
        return new TokenTextDecoder(steps.ToArray());
    }

    /// <summary>A new stream of tokens.</summary>
    public Session Start() => new(_steps);

    /// <summary>Hugging Face's <c>decode</c> of the token strings.</summary>
    public string Decode(IEnumerable<string> tokens)
    {
        var session = Start();
        foreach (string token in tokens) session.Append(token);
        session.Flush();
        return session.Take();
    }

    /// <summary>One stream: <see cref="Append"/> tokens, <see cref="Take"/> the text that is final so far.</summary>
    public sealed class Session
    {
        private readonly Step _first;
        private readonly StringBuilder _output = new();

        internal Session(DecoderDef[] steps)
        {
            Step? next = null;
            // Built from the end, each step knowing whether it sees whole tokens or chunks of the fused one.
            for (int i = steps.Length - 1; i >= 0; i--)
            {
                bool afterFuse = false;
                for (int j = 0; j < i; j++) afterFuse |= steps[j] is FuseDecoderDef;
                next = Step.Create(steps[i], afterFuse, next, _output);
            }
            _first = next ?? new PassStep(null, _output);
        }

        public void Append(string token) => _first.Push(token);

        /// <summary>Ends the stream: everything held comes out.</summary>
        public void Flush() => _first.End();

        /// <summary>The text completed since the last call.</summary>
        public string Take()
        {
            string text = _output.ToString();
            _output.Clear();
            return text;
        }

        public bool HasPending => _first.HoldsAnything();
    }

    private abstract class Step(Step? next, StringBuilder output)
    {
        protected void Emit(string text)
        {
            if (next is null) output.Append(text);
            else next.Push(text);
        }

        /// <summary>A token, or, after a Fuse, the next chunk of the one fused token.</summary>
        public abstract void Push(string text);

        public virtual void End() => next?.End();

        public virtual bool HoldsAnything() => next is not null && next.HoldsAnything();

        public static Step Create(DecoderDef def, bool afterFuse, Step? next, StringBuilder output) => def switch
        {
            ReplaceDecoderDef r => afterFuse ? new ChunkReplaceStep(r.Pattern.Text, r.Content, next, output) : new ReplaceStep(r.Pattern.Text, r.Content, next, output),
            ByteFallbackDecoderDef => new ByteFallbackStep(next, output),
            FuseDecoderDef => new PassStep(next, output),
            StripDecoderDef s => afterFuse ? new ChunkStripStep(s, next, output) : new StripStep(s, next, output),
            MetaspaceDecoderDef m => new MetaspaceStep(m, afterFuse, next, output),
            _ => throw new NotSupportedException($"decoder: {def.GetType().Name} is not supported."),
        };
    }

    /// <summary><c>Fuse</c>: its tokens become chunks of one token, which is what the steps after it already take them for.</summary>
    private sealed class PassStep(Step? next, StringBuilder output) : Step(next, output)
    {
        public override void Push(string text) => Emit(text);
    }

    /// <summary><c>Replace</c> on whole tokens: every non-overlapping occurrence, leftmost first.</summary>
    private sealed class ReplaceStep(string pattern, string content, Step? next, StringBuilder output) : Step(next, output)
    {
        public override void Push(string text) => Emit(text.Replace(pattern, content, StringComparison.Ordinal));
    }

    /// <summary><c>Replace</c> on the fused token: an end that may start an occurrence waits for the next chunk.</summary>
    private sealed class ChunkReplaceStep(string pattern, string content, Step? next, StringBuilder output) : Step(next, output)
    {
        private string _held = "";

        public override void Push(string text)
        {
            string all = _held + text;
            var sb = new StringBuilder(all.Length);
            int from = 0;
            int at;
            while ((at = all.IndexOf(pattern, from, StringComparison.Ordinal)) >= 0)
            {
                sb.Append(all, from, at - from).Append(content);
                from = at + pattern.Length;
            }
            // Hold the longest tail that is a proper prefix of the pattern.
            int keep = Math.Min(pattern.Length - 1, all.Length - from);
            while (keep > 0 && !all.AsSpan(all.Length - keep).SequenceEqual(pattern.AsSpan(0, keep))) keep--;
            sb.Append(all, from, all.Length - from - keep);
            _held = all.Substring(all.Length - keep);
            if (sb.Length > 0) Emit(sb.ToString());
        }

        public override void End()
        {
            if (_held.Length > 0) Emit(_held);
            _held = "";
            base.End();
        }

        public override bool HoldsAnything() => _held.Length > 0 || base.HoldsAnything();
    }

    /// <summary>
    /// <c>ByteFallback</c>: a run of <c>&lt;0xNN&gt;</c> tokens is one token, its bytes as text when they are valid
    /// UTF-8 as a whole, else one U+FFFD per byte.
    /// </summary>
    private sealed class ByteFallbackStep(Step? next, StringBuilder output) : Step(next, output)
    {
        private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private readonly List<byte> _bytes = new();

        public override void Push(string text)
        {
            if (TryParse(text, out byte b))
            {
                _bytes.Add(b);
                return;
            }
            FlushBytes();
            Emit(text);
        }

        public override void End()
        {
            FlushBytes();
            base.End();
        }

        public override bool HoldsAnything() => _bytes.Count > 0 || base.HoldsAnything();

        private void FlushBytes()
        {
            if (_bytes.Count == 0) return;
            string run;
            try
            {
                run = s_strict.GetString(_bytes.ToArray());
            }
            catch (DecoderFallbackException)
            {
                run = new string('\uFFFD', _bytes.Count);
            }
            _bytes.Clear();
            Emit(run);
        }

        /// <summary>Hugging Face's test on the token's UTF-8 (<see cref="TokenDecoding.TryParseByteToken"/>).</summary>
        private static bool TryParse(string token, out byte value)
        {
            value = 0;
            if (token.Length != 6) return false;
            Span<byte> bytes = stackalloc byte[18];
            int count = Encoding.UTF8.GetBytes(token, bytes);
            return TokenDecoding.TryParseByteToken(bytes[..count], out value);
        }
    }

    /// <summary><c>Strip</c> on whole tokens: up to <c>start</c> leading and <c>stop</c> trailing occurrences of the content char.</summary>
    private sealed class StripStep(StripDecoderDef strip, Step? next, StringBuilder output) : Step(next, output)
    {
        public override void Push(string text)
        {
            string c = strip.Content;
            int from = 0, to = text.Length;
            for (int i = 0; i < strip.Start && string.CompareOrdinal(text, from, c, 0, c.Length) == 0 && from + c.Length <= to; i++) from += c.Length;
            for (int i = 0; i < strip.Stop && to - c.Length >= from && string.CompareOrdinal(text, to - c.Length, c, 0, c.Length) == 0; i++) to -= c.Length;
            Emit(text.Substring(from, to - from));
        }
    }

    /// <summary><c>Strip</c> on the fused token: its first chars are cut as they come, its last held until more text or the end.</summary>
    private sealed class ChunkStripStep(StripDecoderDef strip, Step? next, StringBuilder output) : Step(next, output)
    {
        private int _leadingLeft = strip.Start;
        private bool _started;
        private int _held;

        public override void Push(string text)
        {
            string c = strip.Content;
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length;)
            {
                bool isContent = string.CompareOrdinal(text, i, c, 0, c.Length) == 0 && i + c.Length <= text.Length;
                int width = isContent ? c.Length : char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                if (!_started && isContent && _leadingLeft > 0)
                {
                    _leadingLeft--;
                }
                else
                {
                    _started = true;
                    if (isContent && strip.Stop > 0)
                    {
                        if (_held == strip.Stop) sb.Append(c);
                        else _held++;
                    }
                    else
                    {
                        for (; _held > 0; _held--) sb.Append(c);
                        sb.Append(text, i, width);
                    }
                }
                i += width;
            }
            if (sb.Length > 0) Emit(sb.ToString());
        }

        public override void End()
        {
            _held = 0;
            base.End();
        }

        public override bool HoldsAnything() => _held > 0 || base.HoldsAnything();
    }

    /// <summary>
    /// <c>Metaspace</c>: the replacement char becomes a space, except in the first token (the whole text after a
    /// Fuse), where it is dropped unless <c>prepend_scheme</c> is "never".
    /// </summary>
    private sealed class MetaspaceStep(MetaspaceDecoderDef metaspace, bool afterFuse, Step? next, StringBuilder output) : Step(next, output)
    {
        private bool _first = true;

        public override void Push(string text)
        {
            bool drop = _first && metaspace.PrependScheme != "never";
            if (!afterFuse) _first = false;
            Emit(text.Replace(metaspace.Replacement, drop ? "" : " ", StringComparison.Ordinal));
        }
    }
}
