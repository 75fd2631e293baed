using System;
using System.Buffers;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>Takes the pieces a pre-tokenizer makes; a struct type argument, so each consumer gets its own inlined code.</summary>
internal interface IPieceConsumer
{
    /// <summary>Takes one piece; false stops the pipeline (a full buffer).</summary>
    bool Take(ReadOnlySpan<char> piece);
}

/// <summary>
/// The stages of a Hugging Face pre-tokenizer run over one segment: each stage splits every piece of the previous
/// stage, seeing only that piece (no look-around across pieces), depth first so that no list of pieces is kept for
/// more than one piece of one stage.
/// </summary>
internal sealed class PreTokenizerPipeline(PreTokenizerStage[] stages)
{
    public PreTokenizerStage[] Stages => stages;

    /// <summary>
    /// Hands the pieces of <paramref name="segment"/> to <paramref name="consumer"/> in order; false when it stopped.
    /// <paramref name="atTextStart"/>: the segment starts at the start of the original text (Metaspace's "first" scheme asks).
    /// </summary>
    public bool Run<TConsumer>(ReadOnlySpan<char> segment, ref TConsumer consumer, bool atTextStart = true) where TConsumer : struct, IPieceConsumer
        => segment.IsEmpty || Run(segment, 0, atTextStart, ref consumer);

    private bool Run<TConsumer>(ReadOnlySpan<char> piece, int stage, bool atStart, ref TConsumer consumer) where TConsumer : struct, IPieceConsumer
    {
        if (stage == stages.Length) return consumer.Take(piece);
        PreTokenizerStage current = stages[stage];
        switch (current.Kind)
        {
            case StageKind.Scanner:
                var scanner = current.Scanner!;
                for (int pos = 0; pos < piece.Length;)
                {
                    int length = scanner.NextPieceLength(piece, pos);
                    if (!Run(piece.Slice(pos, length), stage + 1, atStart && pos == 0, ref consumer)) return false;
                    pos += length;
                }
                return true;
            case StageKind.Split:
                return RunSplit(current.Split!, piece, stage, atStart, ref consumer);
            case StageKind.Metaspace:
                return RunMetaspace(current, piece, stage, atStart, ref consumer);
            default: // PrefixSpace: ByteLevel's add_prefix_space, per piece
                if (piece[0] == ' ') return Run(piece, stage + 1, atStart, ref consumer);
                char[] prefixed = ArrayPool<char>.Shared.Rent(piece.Length + 1);
                try
                {
                    prefixed[0] = ' ';
                    piece.CopyTo(prefixed.AsSpan(1));
                    return Run(prefixed.AsSpan(0, piece.Length + 1), stage + 1, atStart, ref consumer);
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(prefixed);
                }
        }
    }

    private bool RunSplit<TConsumer>(SplitStage split, ReadOnlySpan<char> piece, int stage, bool atStart, ref TConsumer consumer)
        where TConsumer : struct, IPieceConsumer
    {
        var pieces = new RangeList(8);
        try
        {
            split.Split(piece, ref pieces);
            for (int i = 0; i < pieces.Count; i++)
            {
                if (!Run(piece[pieces.Start(i)..pieces.End(i)], stage + 1, atStart && pieces.Start(i) == 0, ref consumer)) return false;
            }
            return true;
        }
        finally
        {
            pieces.Dispose();
        }
    }

    /// <summary>
    /// Metaspace's pre_tokenize on one piece: spaces become the replacement; it is prepended unless the piece starts
    /// with it ("always"), or only to the piece at the start of the original text ("first"); then, with split, the
    /// piece is cut before each replacement (MergedWithNext).
    /// </summary>
    private bool RunMetaspace<TConsumer>(PreTokenizerStage current, ReadOnlySpan<char> piece, int stage, bool atStart, ref TConsumer consumer)
        where TConsumer : struct, IPieceConsumer
    {
        MetaspaceDef metaspace = current.Metaspace!;
        string replacement = metaspace.Replacement;
        bool prepend = !piece.StartsWith(replacement.AsSpan(), StringComparison.Ordinal) && !piece.StartsWith(" ".AsSpan())
            && (metaspace.PrependScheme == "always" || (metaspace.PrependScheme == "first" && atStart));
        var builder = new System.Text.StringBuilder(piece.Length + replacement.Length * 2);
        if (prepend) builder.Append(replacement);
        foreach (char c in piece)
        {
            if (c == ' ') builder.Append(replacement);
            else builder.Append(c);
        }
        string text = builder.ToString();
        return current.Split is null ? Run(text.AsSpan(), stage + 1, atStart, ref consumer) : RunSplit(current.Split, text.AsSpan(), stage, atStart, ref consumer);
    }
}
