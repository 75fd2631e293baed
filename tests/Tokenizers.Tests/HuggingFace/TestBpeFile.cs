using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>A tokenizer.json BPE model as the shared reader gives it: definition, vocab and merges.</summary>
internal sealed record TestBpeFile(TokenizerDefinition Definition, List<VocabEntry> Vocab, List<MergeEntry> Merges)
{
    public static TestBpeFile Load(string path) => Parse(File.ReadAllText(path));

    public static TestBpeFile Parse(string json)
    {
        var file = TokenizerJsonReader.Read(json);
        Assert.True(file.Definition is not null && file.Errors.Count == 0, string.Join("\n", file.Errors.Select(e => e.Code + " " + e.JsonPath + ": " + e.Message)));
        return new TestBpeFile(file.Definition!, [.. file.Vocab], [.. file.Merges]);
    }

    /// <summary>Builds the tables (asserting no errors) and the encoder over them.</summary>
    public (HfBpeTables Tables, BpePieceEncoder Encoder) Compile()
    {
        var errors = new List<CompileError>();
        HfBpeTables? tables = HfBpeTableBuilder.Build(Definition, Vocab, Merges, byteLevel: true, errors, CancellationToken.None);
        Assert.True(tables is not null, string.Join("\n", errors.Select(e => e.Code + " " + e.JsonPath + ": " + e.Message)));
        return (tables!, Encoder(tables!, Definition.Model));
    }

    public static BpePieceEncoder Encoder(HfBpeTables tables, BpeModelDef model) =>
        new(tables.Tables.Select(t => ConstantTable.FromString(t.Data)).ToArray(), model);
}
