using System.Globalization;
using Microsoft.CodeAnalysis;
using static Tokenizers.Generator.Tests.DiagnosticAssert;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 10 §8: what a SentencePiece-style tokenizer.json can hold that the engine does not run is a TOK error located
/// on the offending value (line and column in the file) that names its JSON path: an unk_token missing from the vocab
/// (TOK018), a model that would drop chars outside its vocab, a merge of byte-fallback tokens, a decoder chain the
/// stream cannot run (TOK020), a bad Metaspace option (TOK021). Each case edits a valid tiny Llama-2-style file in one
/// place; the expected point is found in the edited text, so the cases say what they locate, not a line number.
/// </summary>
public class SentencePieceDiagnosticsTests
{
    /// <summary>Llama 2's layout: Prepend/Replace normalizer, no pre-tokenizer, byte fallback, the four-step decoder.</summary>
    private static readonly string Tiny = $$"""
        {
          "version": "1.0",
          "truncation": null,
          "padding": null,
          "added_tokens": [
            {"id": 0, "content": "<unk>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
            {"id": 1, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
          ],
          "normalizer": {
            "type": "Sequence",
            "normalizers": [
              {"type": "Prepend", "prepend": "\u2581"},
              {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}
            ]
          },
          "pre_tokenizer": null,
          "post_processor": null,
          "decoder": {
            "type": "Sequence",
            "decoders": [
              {"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "},
              {"type": "ByteFallback"},
              {"type": "Fuse"},
              {"type": "Strip", "content": " ", "start": 1, "stop": 0}
            ]
          },
          "model": {
            "type": "BPE",
            "dropout": null,
            "unk_token": "<unk>",
            "continuing_subword_prefix": null,
            "end_of_word_suffix": null,
            "fuse_unk": true,
            "byte_fallback": true,
            "vocab": {
              "<unk>": 0,
              "<s>": 1,
              {{string.Join(",\n      ", Enumerable.Range(0, 256).Select(b => $"\"<0x{b:X2}>\": {b + 2}"))}},
              "<0x41><0x42>": 258,
              "\u2581": 259,
              "a": 260,
              "b": 261,
              "ab": 262,
              "\u2581ab": 263
            },
            "merges": [
              "a b",
              "\u2581 ab"
            ]
          }
        }
        """;

    private static IReadOnlyList<Diagnostic> Compile(string json)
        => Run(Source("[GeneratedTokenizer(\"models/tokenizer.json\")]"), CompilerText.At("models/tokenizer.json", json));

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Tiny, StringComparison.Ordinal);
        return Tiny.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>
    /// One diagnostic with this id, its message naming the path and each part, located where <paramref name="at"/>
    /// starts in <paramref name="json"/> (one-based line and column).
    /// </summary>
    private static void AssertOne(string json, string id, string at, string path, params string[] parts)
    {
        int offset = json.IndexOf(at, StringComparison.Ordinal);
        Assert.True(offset >= 0, at);
        int line = json.AsSpan(0, offset).Count('\n') + 1;
        int column = offset - (offset == 0 ? 0 : json.LastIndexOf('\n', offset - 1) + 1) + 1;

        var d = Assert.Single(Compile(json));
        Assert.Equal(id, d.Id);
        var span = d.Location.GetLineSpan();
        Assert.Equal(InProject("models/tokenizer.json"), span.Path);
        string message = d.GetMessage(CultureInfo.InvariantCulture);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.StartsWith($"tokenizer.json({line},{column}): {path}: ", message, StringComparison.Ordinal);
        foreach (string part in parts) Assert.Contains(part, message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidFileCompilesWithoutDiagnostics() => Assert.Empty(Compile(Tiny));

    [Fact]
    public void AnUnkTokenMissingFromTheVocabIsLocatedOnIt()
    {
        // Without byte fallback, a char outside the vocab becomes unk_token, which must be a token.
        string json = Edit("\"byte_fallback\": true", "\"byte_fallback\": false").Replace("\"unk_token\": \"<unk>\"", "\"unk_token\": \"<unknown>\"", StringComparison.Ordinal);
        AssertOne(json, "TOK018", "\"<unknown>\"", "model.unk_token", "'<unknown>' is not in model.vocab");
    }

    [Fact]
    public void AModelThatWouldDropCharsIsRefused()
    {
        string json = Edit("\"byte_fallback\": true", "\"byte_fallback\": false").Replace("\"unk_token\": \"<unk>\"", "\"unk_token\": null", StringComparison.Ordinal);
        AssertOne(json, "TOK020", "{\n    \"type\": \"BPE\"", "model", "without unk_token and without byte_fallback", "set unk_token or byte_fallback");
    }

    [Fact]
    public void PartialByteFallbackWithoutUnkIsRefused()
    {
        // One <0xNN> token missing: a char needing it would be dropped.
        string json = Edit("\"<0x80>\": 130,\n", "").Replace("\"unk_token\": \"<unk>\"", "\"unk_token\": null", StringComparison.Ordinal);
        AssertOne(json, "TOK020", "{\n    \"type\": \"BPE\"", "model", "without unk_token and without byte_fallback");
    }

    [Fact]
    public void AMergeOfByteFallbackTokensIsLocatedOnTheMerge()
    {
        string json = Edit("\"\\u2581 ab\"\n", "\"\\u2581 ab\",\n      \"<0x41> <0x42>\"\n");
        AssertOne(json, "TOK020", "\"<0x41> <0x42>\"", "model.merges[2]", "merges a byte-fallback or unknown token");
    }

    [Fact]
    public void ByteFallbackAfterFuseIsLocatedOnTheDecoder()
    {
        string json = Edit("{\"type\": \"ByteFallback\"},\n      {\"type\": \"Fuse\"},", "{\"type\": \"Fuse\"},\n      {\"type\": \"ByteFallback\"},");
        AssertOne(json, "TOK020", "{\"type\": \"ByteFallback\"}", "decoder.decoders[2]", "ByteFallback after Fuse");
    }

    [Fact]
    public void ARegexReplaceDecoderIsLocatedOnIt()
    {
        string json = Edit("{\"type\": \"Replace\", \"pattern\": {\"String\": \"\\u2581\"}, \"content\": \" \"}",
            "{\"type\": \"Replace\", \"pattern\": {\"Regex\": \"\\u2581+\"}, \"content\": \" \"}");
        AssertOne(json, "TOK020", "{\"type\": \"Replace\", \"pattern\": {\"Regex\"", "decoder.decoders[0]", "Regex pattern");
    }

    [Fact]
    public void AnUnknownDecoderStepIsNamed()
    {
        string json = Edit("{\"type\": \"Strip\", \"content\": \" \", \"start\": 1, \"stop\": 0}", "{\"type\": \"CTC\", \"pad_token\": \"<pad>\", \"word_delimiter_token\": \"|\", \"cleanup\": true}");
        var d = Assert.Single(Compile(json));
        Assert.Equal("TOK020", d.Id);
        Assert.Contains("CTC", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownPrependSchemeIsLocatedOnIt()
    {
        string json = Edit("\"pre_tokenizer\": null", "\"pre_tokenizer\": {\"type\": \"Metaspace\", \"replacement\": \"\\u2581\", \"prepend_scheme\": \"sometimes\", \"split\": true}");
        AssertOne(json, "TOK021", "\"sometimes\"", "pre_tokenizer.prepend_scheme", "\"always\", \"first\", \"never\"");
    }

    [Fact]
    public void AMetaspaceReplacementOfTwoCharsIsRefused()
    {
        string json = Edit("\"pre_tokenizer\": null", "\"pre_tokenizer\": {\"type\": \"Metaspace\", \"replacement\": \"__\", \"prepend_scheme\": \"always\", \"split\": true}");
        var d = Assert.Single(Compile(json));
        Assert.Contains("pre_tokenizer.replacement", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>
    /// Hugging Face gives an added token the id its content has in model.vocab, whatever added_tokens says (and one
    /// outside the vocab the next id): a file that says otherwise is refused, naming the id Hugging Face gives.
    /// </summary>
    [Fact]
    public void AnAddedTokenIdThatHuggingFaceWouldNotGiveIsLocatedOnIt()
    {
        string json = Edit("{\"id\": 1, \"content\": \"<s>\"", "{\"id\": 1, \"content\": \"ab\"");
        AssertOne(json, "TOK021", "1, \"content\": \"ab\"", "added_tokens[1].id", "has id 1", "gives it 262 (its id in model.vocab)");
        string next = Edit("{\"id\": 1, \"content\": \"<s>\"", "{\"id\": 1, \"content\": \"<s>\"}, {\"id\": 300, \"content\": \"<pad>\"");
        AssertOne(next, "TOK021", "300, \"content\"", "added_tokens[2].id", "has id 300", "gives it 264");
    }
}
