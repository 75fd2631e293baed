using System.Collections.Generic;
using System.Globalization;

namespace Tokenizers.Compilation;

/// <summary>
/// What a SentencePiece-style BPE model (Hugging Face's <c>merge_word</c>) makes of a char that is not in its
/// vocabulary: the ids of its UTF-8 bytes' <c>&lt;0xNN&gt;</c> tokens with <c>byte_fallback</c> (when all of them
/// exist), else <c>unk_token</c> (one for a run of such chars with <c>fuse_unk</c>). Hugging Face drops the char when
/// it has neither, which joins its neighbours into one word; that is refused here.
/// </summary>
internal sealed class CharSymbols
{
    private readonly int[] _byteIds;
    private readonly int _unkId;
    private readonly bool _fuseUnk, _byteFallback, _complete;
    private readonly bool[] _opaque; // by id: a byte-fallback token or unk (asked twice for each of Gemma 3's 514,906 merges)

    private CharSymbols(int[] byteIds, bool byteFallback, bool complete, int unkId, bool fuseUnk)
    {
        _byteIds = byteIds;
        _byteFallback = byteFallback;
        _complete = complete;
        _unkId = unkId;
        _fuseUnk = fuseUnk;
        int largest = unkId;
        if (byteFallback) foreach (int id in byteIds) largest = System.Math.Max(largest, id);
        _opaque = new bool[largest + 1];
        if (unkId >= 0) _opaque[unkId] = true;
        if (byteFallback) foreach (int id in byteIds) if (id >= 0) _opaque[id] = true;
    }

    /// <summary>The byte-fallback token of a byte, as Hugging Face spells it (<c>format!("&lt;{b:#04X}&gt;")</c>).</summary>
    public static string ByteToken(int b) => "<0x" + b.ToString("X2", CultureInfo.InvariantCulture) + ">";

    public static CharSymbols? Create(BpeModelDef model, TokenIdMap idOf, List<CompileError> errors)
    {
        var byteIds = new int[256];
        bool complete = model.ByteFallback;
        for (int b = 0; b < 256; b++)
        {
            byteIds[b] = model.ByteFallback && idOf.TryGetValue(ByteToken(b), out int id) ? id : -1;
            complete &= byteIds[b] >= 0;
        }
        int unkId = -1;
        // With every byte token there, no char ever becomes unk (Hugging Face looks unk_token up only then).
        if (!complete && model.UnkToken is not null && !idOf.TryGetValue(model.UnkToken, out unkId))
        {
            errors.Add(new CompileError(CompileErrorCodes.UnknownTokenNotInVocabulary,
                $"unk_token '{TextDisplay.Show(model.UnkToken)}' is not in model.vocab, and chars outside the vocabulary need it", "model.unk_token", default));
            return null;
        }
        if (!complete && model.UnkToken is null)
        {
            errors.Add(new CompileError(CompileErrorCodes.UnsupportedComponent,
                "a SentencePiece-style BPE model without unk_token and without byte_fallback (with all 256 <0xNN> tokens) drops chars outside "
                + "its vocabulary, which is not supported: set unk_token or byte_fallback", "model", default));
            return null;
        }
        return new CharSymbols(byteIds, model.ByteFallback, complete, unkId, model.FuseUnk);
    }

    /// <summary>Whether merging can see <paramref name="id"/> as a symbol other than a char's token: a byte-fallback or the unk token.</summary>
    public bool IsOpaque(int id) => (uint)id < (uint)_opaque.Length && _opaque[id];

    public string Describe() =>
        (_complete ? "byte fallback" : _byteFallback ? "partial byte fallback, else unk" : "unk")
        + (_unkId >= 0 && _fuseUnk ? " (fused)" : "");

    /// <summary>The info table's values before the cuts: unk id + 1 (0: none), fuse_unk.</summary>
    public IEnumerable<uint> UnknownValues()
    {
        yield return (uint)(_unkId + 1);
        yield return _fuseUnk ? 1u : 0u;
    }

    /// <summary>The info table's last values: with byte_fallback each byte's token id + 1 (0: none); none without.</summary>
    public IEnumerable<uint> ByteFallbackValues()
    {
        if (!_byteFallback) yield break;
        foreach (int id in _byteIds) yield return (uint)(id + 1);
    }
}
