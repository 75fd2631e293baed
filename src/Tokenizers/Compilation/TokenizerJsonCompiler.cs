using System.Collections.Generic;
using System.Threading;

namespace Tokenizers.Compilation;

/// <summary>
/// Compiles a Hugging Face tokenizer.json into tables and a pipeline spec: read, check every pattern compiles, build
/// the BPE tables, write the spec. The generator and the run-time loader both call this, so a generated tokenizer and
/// a loaded one are the same tokenizer.
/// </summary>
internal static class TokenizerJsonCompiler
{
    public static CompiledTokenizer? Compile(string text, CancellationToken cancellationToken, out List<CompileError> errors)
    {
        var file = TokenizerJsonReader.Read(text);
        errors = new List<CompileError>(file.Errors);
        if (errors.Count > 0 || file.Definition is null) return null;
        cancellationToken.ThrowIfCancellationRequested();

        var definition = file.Definition;
        PatternCheck.CheckAll(text, definition, errors);
        if (errors.Count > 0) return null;
        bool byteLevel = IsByteLevel(definition);
        if (DecoderSupport.Steps(definition.Decoder, byteLevel, out string? problem, out string path, out object[] steps) is null)
        {
            var document = Json.JsonDocument.Parse(text, out _);
            errors.Add(new CompileError(CompileErrorCodes.UnsupportedComponent, problem!, path,
                document is null ? default : PatternCheck.Locate(document.Root, steps)));
            return null;
        }
        var tables = HfBpeTableBuilder.Build(definition, file.Vocab, file.Merges, byteLevel, errors, cancellationToken);
        if (tables is null || errors.Count > 0) return null;
        return new CompiledTokenizer(tables.Tables, TokenizerSpecWriter.Write(definition), tables.Summary, tables.VocabularySize);
    }

    /// <summary>Byte-level models spell tokens in GPT-2's byte alphabet: a ByteLevel pre-tokenizer or decoder says so.</summary>
    public static bool IsByteLevel(TokenizerDefinition definition)
        => HasByteLevel(definition.PreTokenizer) || HasByteLevel(definition.Decoder);

    private static bool HasByteLevel(PreTokenizerDef? def) => def switch
    {
        ByteLevelDef => true,
        SequencePreTokenizerDef s => System.Array.Exists(s.Items, HasByteLevel),
        _ => false,
    };

    private static bool HasByteLevel(DecoderDef? def) => def switch
    {
        ByteLevelDecoderDef => true,
        SequenceDecoderDef s => System.Array.Exists(s.Items, HasByteLevel),
        _ => false,
    };
}
