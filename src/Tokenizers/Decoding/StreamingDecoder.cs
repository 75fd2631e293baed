using System;
using System.Collections.Generic;
using System.Text;
using Tokenizers.HuggingFace;

namespace Tokenizers;

/// <summary>
/// Decodes ids one at a time, as a model produces them, returning text as soon as it is complete. A token can end in
/// the middle of a character (byte-level BPE splits rare characters, emoji and much CJK text into byte tokens): those
/// bytes are held until the character is complete, so no call returns half a character or half a surrogate pair.
/// Invalid UTF-8 becomes U+FFFD as soon as it can no longer become valid. The concatenation of everything returned,
/// ending with <see cref="Flush"/>, equals <see cref="ITokenizer.Decode(System.Collections.Generic.IEnumerable{int})"/> of all the ids.
/// </summary>
/// <remarks>Holds state: one instance per sequence of ids, not shared between threads. The tokenizer can be shared.</remarks>
public sealed class StreamingDecoder
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly ITokenizer _tokenizer;
    private readonly Decoder _decoder = s_utf8.GetDecoder();
    private byte[] _bytes = new byte[64];
    private char[] _chars = new char[66];

    // A SentencePiece-style tokenizer.json model: its decoder chain, run as a stream over the token strings.
    private readonly HuggingFaceModel? _model;
    private TokenTextDecoder.Session? _text;

    public StreamingDecoder(ITokenizer tokenizer)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        if (tokenizer is IHuggingFaceModelOwner { Model: { TextDecoder: { } chain } model })
        {
            _model = model;
            _text = chain.Start();
        }
    }

    /// <summary>True when bytes of an unfinished character (or, for a SentencePiece-style model, any text its decoder may still change) are held back.</summary>
    public bool HasPendingBytes => _text is not null ? _text.HasPending : _decoder.GetCharCount([], flush: true) > 0;

    /// <summary>Adds one id; returns the text it completes (empty while a character is still unfinished).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not in the vocabulary; the decoder's state is unchanged.</exception>
    public string Append(int id)
    {
        if (_text is not null)
        {
            _text.Append(_model!.TokenText(id));
            return _text.Take();
        }
        int count = Decode(id, flush: false);
        return count == 0 ? string.Empty : new string(_chars, 0, count);
    }

    /// <summary>
    /// Ends the sequence: bytes of an unfinished character come out as U+FFFD (as <see cref="ITokenizer.Decode(System.Collections.Generic.IEnumerable{int})"/> would
    /// show them), and the decoder is ready for a new sequence.
    /// </summary>
    public string Flush()
    {
        if (_text is not null)
        {
            _text.Flush();
            string rest = _text.Take();
            _text = _model!.TextDecoder!.Start();
            return rest;
        }
        int count = _decoder.GetChars([], _chars, flush: true);
        return count == 0 ? string.Empty : new string(_chars, 0, count);
    }

    /// <summary>Forgets any held bytes and starts a new sequence.</summary>
    public void Reset()
    {
        if (_model is not null) _text = _model.TextDecoder!.Start();
        _decoder.Reset();
    }

    /// <summary>Decodes <paramref name="ids"/> lazily: one string per id that completes text (never an empty one), then whatever is left.</summary>
    public static IEnumerable<string> Decode(ITokenizer tokenizer, IEnumerable<int> ids)
    {
        var decoder = new StreamingDecoder(tokenizer);
        if (ids is null) throw new ArgumentNullException(nameof(ids));
        return Iterate(decoder, ids);
    }

    private static IEnumerable<string> Iterate(StreamingDecoder decoder, IEnumerable<int> ids)
    {
        foreach (int id in ids)
        {
            string text = decoder.Append(id);
            if (text.Length > 0) yield return text;
        }
        string rest = decoder.Flush();
        if (rest.Length > 0) yield return rest;
    }

    private int Decode(int id, bool flush)
    {
        int length;
        while ((length = _tokenizer.DecodeToBytes(id, _bytes)) < 0) _bytes = new byte[_bytes.Length * 2];
        if (_chars.Length < length + 2) _chars = new char[Math.Max(length + 2, _chars.Length * 2)];
        // n bytes make at most n + 1 chars (a held partial sequence can end as one U+FFFD).
        return _decoder.GetChars(_bytes.AsSpan(0, length), _chars, flush);
    }
}
