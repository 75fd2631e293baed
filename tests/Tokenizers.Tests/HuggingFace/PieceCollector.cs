using Tokenizers.Compilation;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>Collects a pre-tokenizer's pieces as strings.</summary>
internal struct PieceCollector() : IPieceConsumer
{
    public List<string> Pieces = [];

    public bool Take(ReadOnlySpan<char> piece)
    {
        Pieces.Add(piece.ToString());
        return true;
    }

    public static List<string> Run(PreTokenizerDef? definition, string text) =>
        Run(PreTokenizerStage.Build(definition, RegexMatcher.Compile, RegexMatcher.ScannerFor), text);

    public static List<string> Run(PreTokenizerStage[] stages, string text)
    {
        var pipeline = new PreTokenizerPipeline(stages);
        var collector = new PieceCollector();
        pipeline.Run(text, ref collector);
        return collector.Pieces;
    }
}
