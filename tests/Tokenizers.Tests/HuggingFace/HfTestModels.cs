using System.Threading;
using Tokenizers.Compilation;
using Tokenizers.Data;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// The real byte-level models as <see cref="HuggingFaceModel"/>s, built as generated code builds them: the file read by
/// the shared reader, the tables by <see cref="HfBpeTableBuilder"/>, the pipeline from the spec string the generator
/// writes. Built once per model per test run.
/// </summary>
internal static class HfTestModels
{
    private static readonly Dictionary<string, HuggingFaceModel> Cache = new();

    public static HuggingFaceModel Load(string model)
    {
        string path = HfModelFiles.Require(model);
        lock (Cache)
        {
            if (!Cache.TryGetValue(model, out var cached)) Cache[model] = cached = LoadFile(path);
            return cached;
        }
    }

    /// <summary>Builds the model of any tokenizer.json file, byte-level or SentencePiece-style (not cached).</summary>
    public static HuggingFaceModel LoadFile(string path)
    {
        TokenizerJsonFile file = TokenizerJsonReader.Read(File.ReadAllText(path));
        Assert.Empty(file.Errors.Select(e => e.Format(path)));
        var errors = new List<CompileError>();
        HfBpeTables? tables = HfBpeTableBuilder.Build(file.Definition!, file.Vocab, file.Merges,
            TokenizerJsonCompiler.IsByteLevel(file.Definition!), errors, CancellationToken.None);
        Assert.True(tables is not null, string.Join("\n", errors.Select(e => e.Format(path))));
        var constants = tables!.Tables.Select(t => ConstantTable.FromString(t.Data)).ToArray();
        return new HuggingFaceModel(constants, TokenizerSpecWriter.Write(file.Definition!));
    }
}
