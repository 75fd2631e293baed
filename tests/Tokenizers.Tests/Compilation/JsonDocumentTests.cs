using Tokenizers.Compilation;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Tests.Compilation;

public class JsonDocumentTests
{
    private static JsonDocument Parse(string text)
    {
        var document = JsonDocument.Parse(text, out var error);
        Assert.Null(error);
        return document!;
    }

    [Theory]
    [InlineData(@"""\ud83d\ude00""", "😀")]
    [InlineData(@"""\uD83D\uDE00x""", "😀x")]
    [InlineData(@"""\""\\\/\b\f\n\r\t""", "\"\\/\b\f\n\r\t")]
    [InlineData(@"""\u0041\u00e9\u0120""", "AéĠ")]
    [InlineData(@"""plain ▁ text 😀""", "plain ▁ text 😀")]
    [InlineData(@"""""", "")]
    public void UnescapesStrings(string json, string expected)
    {
        var value = Parse(json).Root;
        Assert.Equal(JsonKind.String, value.Kind);
        Assert.Equal(expected, value.GetString());
        Assert.True(value.ValueEquals(expected));
        Assert.False(value.ValueEquals(expected + "x"));
    }

    [Fact]
    public void ObjectsKeepMemberOrderAndDuplicates()
    {
        var root = Parse("""{"b": 1, "a": [true, false, null], "b": {"c": "d"}}""").Root;
        var names = new List<string>();
        foreach (var member in root.EnumerateObject()) names.Add(member.Name.GetString());
        Assert.Equal(["b", "a", "b"], names);
        Assert.Equal(3, root.Count);
        Assert.True(root.TryGetProperty("a", out var a));
        var kinds = new List<JsonKind>();
        foreach (var item in a.EnumerateArray()) kinds.Add(item.Kind);
        Assert.Equal([JsonKind.True, JsonKind.False, JsonKind.Null], kinds);
        Assert.True(root.TryGetProperty("b", out var b));
        Assert.Equal(JsonKind.Number, b.Kind); // the first one
        Assert.False(root.TryGetProperty("c", out _));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-12", -12L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void ReadsIntegers(string json, long expected)
    {
        Assert.True(Parse(json).Root.TryGetInt64(out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9223372036854775808", 9.223372036854775808e18)]
    [InlineData("1.5", 1.5)]
    [InlineData("-2e3", -2000.0)]
    [InlineData("1E-2", 0.01)]
    public void ReadsOtherNumbersAsDoubles(string json, double expected)
    {
        var root = Parse(json).Root;
        Assert.False(root.TryGetInt64(out _));
        Assert.True(root.TryGetDouble(out double value));
        Assert.Equal(expected, value);
        Assert.Equal(json, root.RawText);
    }

    [Fact]
    public void EveryValueKnowsItsLineAndColumn()
    {
        var document = Parse("{\n  \"a\": [1,\r\n    \"x\"],\r  \"b\": null\n}");
        Assert.True(document.Root.TryGetProperty("a", out var a));
        Assert.Equal(new SourcePoint(9, 1, 7), a.Where);
        var items = new List<SourcePoint>();
        foreach (var item in a.EnumerateArray()) items.Add(item.Where);
        Assert.Equal([new SourcePoint(10, 1, 8), new SourcePoint(18, 2, 4)], items);
        Assert.True(document.Root.TryGetProperty("b", out var b));
        Assert.Equal(new SourcePoint(31, 3, 7), b.Where);
        Assert.Equal(b.Where, document.PointAt(31));
        Assert.Equal(new SourcePoint(19, 2, 5), document.PointAt(19));
    }

    // '‸' marks where the error must be reported; it is removed before parsing.
    [Theory]
    [InlineData("[1,‸]", "expected a value, found ']'", "[1]")]
    [InlineData("{\"a\" ‸1}", "expected ':' after a key, found '1'", "a")]
    [InlineData("{\"a\":1 ‸\"b\":2}", "expected ',' or '}', found '\"'", "a")]
    [InlineData("{‸a:1}", "expected a string key or '}', found 'a'", null)]
    [InlineData("{\"a\":1,‸}", "expected a string key, found '}'", "a")]
    [InlineData("{\"model\":{\"vocab\":{\"x y\":‸tru}}}", "expected a value, found 't'", "model.vocab[\"x y\"]")]
    [InlineData("‸", "expected a value, found the end of the file", null)]
    [InlineData("{}‸{}", "expected the end of the file after the top-level value, found '{'", null)]
    [InlineData("[\"ab‸\ncd\"]", "expected '\"' to end the string, found a line break (write it as \\n)", "[0]")]
    [InlineData("[\"a‸\\x\"]", "invalid escape '\\x'", "[0]")]
    [InlineData("[\"a‸\\u12G4\"]", "invalid \\u escape: expected four hex digits", "[0]")]
    [InlineData("[\"‸\\ud83d\"]", "lone high surrogate \\uD83D: expected a \\uDC00-\\uDFFF escape after it", "[0]")]
    [InlineData("[\"‸\\ude00\"]", "lone low surrogate \\uDE00: a string holds Unicode scalar values", "[0]")]
    [InlineData("[\"abc‸", "unterminated string", "[0]")]
    [InlineData("[-‸x]", "expected a digit, found 'x'", "[0]")]
    [InlineData("[1.‸e5]", "expected a digit after '.', found 'e'", "[0]")]
    [InlineData("[\"a‸\u0001\"]", "control character U+0001 in a string (write it as \\u0001)", "[0]")]
    [InlineData("[\"a‸\t\"]", "control character U+0009 in a string (write it as \\u0009)", "[0]")]
    public void InvalidJsonIsLocated(string marked, string message, string? path)
    {
        int at = marked.IndexOf('‸');
        string text = marked.Remove(at, 1);
        Assert.Null(JsonDocument.Parse(text, out var error));
        Assert.NotNull(error);
        Assert.Equal(CompileErrorCodes.InvalidJson, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal(at, error.Where.Offset);
        string before = text.Substring(0, at);
        Assert.Equal(before.Count(c => c == '\n'), error.Where.Line);
        Assert.Equal(at - (before.LastIndexOf('\n') + 1), error.Where.Column);
    }

    [Fact]
    public void ErrorOnALaterLineSaysItsLineAndColumn()
    {
        Assert.Null(JsonDocument.Parse("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}", out var error));
        Assert.Equal("x.json(3,14): b[2]: expected a value, found ','", error!.Format("x.json"));
    }

    [Fact]
    public void NestingDeeperThanSerdeJsonAllowsIsAnError()
    {
        Assert.NotNull(JsonDocument.Parse(new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth), out _));
        Assert.Null(JsonDocument.Parse(new string('[', JsonParser.MaxDepth + 1) + new string(']', JsonParser.MaxDepth + 1), out var error));
        Assert.Equal("values nested deeper than 128 levels", error!.Message);
    }
}
