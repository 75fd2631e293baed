using System.Globalization;
using Microsoft.CodeAnalysis;
using static Tokenizers.Generator.Tests.DiagnosticAssert;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// Issue 9 §8: a malformed or unsupported tokenizer.json is a TOK error located on the offending value (line and
/// column in the file) that names its JSON path, never a generator exception; the run-time loader throws the same
/// message (tests/Tokenizers.Generator.Tests/Loading). Each case edits the valid tiny tokenizer.json in one place.
/// </summary>
public class TokenizerJsonDiagnosticsTests
{
    private static readonly string Tiny = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny-tokenizer-json", "tokenizer.json"));

    private static IReadOnlyList<Diagnostic> Compile(string json, string attribute = "[GeneratedTokenizer(\"models/tokenizer.json\")]")
        => Run(Source(attribute), CompilerText.At("models/tokenizer.json", json));

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Tiny, StringComparison.Ordinal);
        return Tiny.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>One diagnostic, with its id, located at one-based (line, column) of the file, its message containing each part.</summary>
    private static void AssertOne(IReadOnlyList<Diagnostic> diagnostics, string id, int line, int column, params string[] parts)
    {
        var d = Assert.Single(diagnostics);
        Assert.Equal(id, d.Id);
        var span = d.Location.GetLineSpan();
        Assert.Equal(InProject("models/tokenizer.json"), span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        string message = d.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith($"tokenizer.json({line},{column}): ", message, StringComparison.Ordinal);
        foreach (string part in parts) Assert.Contains(part, message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidFileCompilesWithoutDiagnostics() => Assert.Empty(Compile(Tiny));

    [Fact]
    public void DropoutIsATrainingFeature()
        => AssertOne(Compile(Edit("\"dropout\": null", "\"dropout\": 0.1")), "TOK020", 88, 16, "model.dropout", "dropout");

    [Fact]
    public void AnUnsupportedPreTokenizerIsNamedWithItsPath()
        => AssertOne(Compile(Edit("\"type\": \"ByteLevel\",\n    \"add_prefix_space\": false", "\"type\": \"Whitespace\",\n    \"add_prefix_space\": false")),
            "TOK020", 27, 13, "pre_tokenizer", "Whitespace");

    [Fact]
    public void AMergeOfAnUnknownTokenIsLocatedOnTheMerge()
    {
        var diagnostics = Compile(Edit("\"Ġ\",\n        \"t\"", "\"Ġ\",\n        \"zz\""));
        var d = Assert.Single(diagnostics);
        Assert.Equal("TOK008", d.Id);
        Assert.Contains("model.merges[0]", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(363, d.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void AMergeStringWithoutOneSpaceIsMalformed()
    {
        var diagnostics = Compile(Edit("[\n        \"Ġ\",\n        \"t\"\n      ]", "\"Ġt\""));
        var d = Assert.Single(diagnostics);
        Assert.Equal("TOK021", d.Id);
        Assert.Contains("model.merges[0]", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnsupportedRegexConstructNamesItAndItsOffset()
    {
        string split = "{\n    \"type\": \"Split\",\n    \"pattern\": {\"Regex\": \"a(?<=b)\"},\n    \"behavior\": \"Isolated\",\n    \"invert\": false\n  }";
        string json = Edit("{\n    \"type\": \"ByteLevel\",\n    \"add_prefix_space\": false,\n    \"trim_offsets\": true,\n    \"use_regex\": true\n  }",
            "{\"type\": \"Sequence\", \"pretokenizers\": [" + split + ", {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": false}]}");
        AssertOne(Compile(json), "TOK022", 28, 26, "pre_tokenizer.pretokenizers[0].pattern.Regex", "look-behind", "offset 1");
    }

    [Fact]
    public void InvalidJsonIsLocated()
    {
        var d = Assert.Single(Compile(Edit("\"normalizer\": null,", "\"normalizer\": nul,")));
        Assert.Equal("TOK003", d.Id);
        Assert.Equal(25, d.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void AttributeOptionsThatWouldFightTheFileAreErrors()
    {
        var diagnostics = Compile(Tiny, "[GeneratedTokenizer(\"models/tokenizer.json\", PreTokenizer = \"cl100k\", SpecialTokens = new[] { \"<x>=1\" })]");
        Assert.Equal(["TOK013", "TOK024"], diagnostics.Select(d => d.Id).Order().ToArray());
    }

    [Fact]
    public void AFileNameTwoItemsShareIsAmbiguous()
    {
        var diagnostics = Run(Source("[GeneratedTokenizer(\"tokenizer.json\")]"),
            CompilerText.At("llama3/tokenizer.json", Tiny), CompilerText.At("qwen3/tokenizer.json", Tiny));
        var d = Assert.Single(diagnostics);
        Assert.Equal("TOK023", d.Id);
        Assert.StartsWith("'tokenizer.json' matches no AdditionalFiles item by its path relative to the project, and 2 items are named 'tokenizer.json'.",
            d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // With the path written out, each compiles.
        Assert.Empty(Run(Source("[GeneratedTokenizer(\"qwen3/tokenizer.json\")]"),
            CompilerText.At("llama3/tokenizer.json", Tiny), CompilerText.At("qwen3/tokenizer.json", Tiny)));
    }
}
