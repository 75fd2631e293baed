using Tokenizers.Compilation;

namespace Tokenizers.Tests.Compilation;

/// <summary>Broken tokenizer.json files: each gives the right code, JSON path, message and location.</summary>
public class TokenizerJsonErrorTests
{
    private const string Vocab = """{"a":0,"b":1,"ab":2}""";
    private const string Model = """{"type":"BPE","dropout":null,"vocab":{"a":0,"b":1,"ab":2},"merges":["a b"]}""";

    /// <summary>A tokenizer with <paramref name="members"/> before a valid model.</summary>
    private static string With(string members) => "{" + members + ",\"model\":" + Model + "}";

    private static string ModelWith(string vocab, string merges) => "{\"model\":{\"type\":\"BPE\",\"vocab\":" + vocab + ",\"merges\":" + merges + "}}";

    // '‸' marks where the error must be reported (it is removed before reading); a message ending in '…' is a prefix.
    public static TheoryData<string, string, string?, string> Cases => new()
    {
        { "‸{\"version\":\"1.0\"}", "TOK021", null, "missing field 'model'" },
        { "‸[]", "TOK021", null, "expected a tokenizer (an object), found an array" },
        { "{\"model\":‸[]}", "TOK021", "model", "expected a model (an object), found an array" },
        { "{\"model\":‸{\"type\":\"BPE\",\"vocab\":{}}}", "TOK021", "model", "missing field 'merges'" },
        { ModelWith("‸[]", "[]"), "TOK021", "model.vocab", "expected an object of token: id, found an array" },
        { ModelWith("{\"a\":‸-1}", "[]"), "TOK021", "model.vocab[\"a\"]", "expected a non-negative integer id below 2^31, found the number -1" },
        { ModelWith("{\"a\":‸1.0}", "[]"), "TOK021", "model.vocab[\"a\"]", "expected a non-negative integer id below 2^31, found the number 1.0" },
        { ModelWith("{\"a\\\"b\":‸\"0\"}", "[]"), "TOK021", "model.vocab[\"a\\\"b\"]", "expected a non-negative integer id below 2^31, found the string \"0\"" },
        { ModelWith("{\"a\":‸2147483648}", "[]"), "TOK021", "model.vocab[\"a\"]", "expected a non-negative integer id below 2^31, found the number 2147483648" },
        { ModelWith(Vocab, "[\"a b\",‸\"ab\"]"), "TOK021", "model.merges[1]", "expected two tokens separated by one space, found the string \"ab\"" },
        { ModelWith(Vocab, "[‸\"a b ab\"]"), "TOK021", "model.merges[0]", "expected two tokens separated by one space, found the string \"a b ab\"" },
        { ModelWith(Vocab, "[‸\"a\\u0020b \"]"), "TOK021", "model.merges[0]", "expected two tokens separated by one space, found the string \"a b \"" },
        { ModelWith(Vocab, "[‸[\"a\",\"b\",\"ab\"]]"), "TOK021", "model.merges[0]", "expected a merge \"a b\" or [\"a\", \"b\"], found an array" },
        { ModelWith(Vocab, "[‸[\"a\",1]]"), "TOK021", "model.merges[0]", "expected a merge \"a b\" or [\"a\", \"b\"], found an array" },
        { ModelWith(Vocab, "[‸3]"), "TOK021", "model.merges[0]", "expected a merge \"a b\" or [\"a\", \"b\"], found the number 3" },
        { ModelWith(Vocab, "[\"a b\",‸[\"a\",\"b\"]]"), "TOK021", "model.merges[1]", "merges mix the \"a b\" and [\"a\", \"b\"] forms: use one" },
        { ModelWith(Vocab, "‸{}"), "TOK021", "model.merges", "expected an array, found an object" },
        { ModelWith("{\"a\":0,‸\"a\":1}", "[]"), "TOK004", "model.vocab[\"a\"]", "token \"a\" is in the vocabulary twice (first at 1,33)" },
        { ModelWith("{\"a\":0,\"b\":‸0}", "[]"), "TOK005", "model.vocab[\"b\"]", "id 0 is given to \"b\" and to \"a\" (at 1,33)" },
        { "{\"model\":{\"type\":‸\"WordPiece\",\"vocab\":{}}}", "TOK020", "model", "model type 'WordPiece' is not supported: only BPE models are" },
        { "{\"model\":{\"type\":‸\"Unigram\",\"vocab\":[]}}", "TOK020", "model", "model type 'Unigram' is not supported: only BPE models are" },
        { "{\"model\":‸{\"vocab\":{}}}", "TOK020", "model", "a model without 'type' and without 'merges' is not a BPE model: only BPE models are supported" },
        { "{\"model\":{\"type\":\"BPE\",\"dropout\":‸0.1,\"vocab\":{},\"merges\":[]}}", "TOK020", "model.dropout", "dropout the number 0.1 is not supported: dropout is a training feature (set it to null)" },
        { With("\"version\":‸\"2.0\""), "TOK020", "version", "tokenizer.json version the string \"2.0\" is not supported: Hugging Face reads version \"1.0\"" },
        { With("\"truncation\":‸{\"max_length\":512}"), "TOK020", "truncation", "truncation is not supported (truncation is a batch option of the Python API): set it to null" },
        { With("\"padding\":‸{}"), "TOK020", "padding", "padding is not supported (padding is a batch option of the Python API): set it to null" },
        { With("\"pre_tokenizer\":{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Digits\",\"individual_digits\":true},{\"type\":\"Punctuation\"},{\"type\":‸\"Whitespace\"}]}"),
            "TOK020", "pre_tokenizer.pretokenizers[2]", "pre-tokenizer type 'Whitespace' is not supported" },
        { With("\"normalizer\":{\"type\":‸\"BertNormalizer\"}"), "TOK020", "normalizer", "normalizer type 'BertNormalizer' is not supported" },
        { With("\"normalizer\":{\"type\":\"Sequence\",\"normalizers\":[{\"type\":‸\"Strip\",\"left\":true}]}"), "TOK020", "normalizer.normalizers[0]", "normalizer type 'Strip' is not supported" },
        { With("\"post_processor\":{\"type\":‸\"BertProcessing\",\"sep\":[\"[SEP]\",102],\"cls\":[\"[CLS]\",101]}"), "TOK020", "post_processor", "post-processor type 'BertProcessing' is not supported" },
        { With("\"decoder\":{\"type\":\"Sequence\",\"decoders\":[{\"type\":‸\"WordPiece\"}]}"), "TOK020", "decoder.decoders[0]", "decoder type 'WordPiece' is not supported" },
        { With("\"decoder\":‸{\"content\":\" \"}"), "TOK021", "decoder", "missing field 'type'" },
        { With("\"decoder\":{\"type\":\"Sequence\",\"decoders\":‸{}}"), "TOK021", "decoder.decoders", "expected an array, found an object" },
        { With("\"decoder\":{\"type\":\"Strip\",\"content\":\" \",\"start\":‸-1,\"stop\":0}"), "TOK021", "decoder.start", "expected a non-negative integer below 2^31, found the number -1" },
        { With("\"decoder\":{\"type\":\"Strip\",\"content\":‸\"  \",\"start\":1,\"stop\":0}"), "TOK021", "decoder.content", "expected a string of one character, found the string \"  \"" },
        { With("\"added_tokens\":[{\"id\":3,\"content\":\"<s>\"},{\"id\":4,\"content\":‸5}]"), "TOK021", "added_tokens[1].content", "expected a string, found the number 5" },
        { With("\"added_tokens\":[‸{\"content\":\"x\"}]"), "TOK021", "added_tokens[0]", "missing field 'id'" },
        { With("\"added_tokens\":[{\"id\":3,\"content\":\"x\",\"special\":‸1}]"), "TOK021", "added_tokens[0].special", "expected true or false, found the number 1" },
        { With("\"added_tokens\":‸{}"), "TOK021", "added_tokens", "expected an array, found an object" },
        { With("\"pre_tokenizer\":‸{\"type\":\"Split\",\"pattern\":{\"String\":\" \"},\"invert\":false}"), "TOK021", "pre_tokenizer", "missing field 'behavior'" },
        { With("\"pre_tokenizer\":{\"type\":\"Split\",\"pattern\":{\"String\":\" \"},\"behavior\":‸\"Merged\",\"invert\":false}"), "TOK021", "pre_tokenizer.behavior",
            "expected one of \"Removed\", \"Isolated\", \"MergedWithPrevious\", \"MergedWithNext\", \"Contiguous\", found the string \"Merged\"" },
        { With("\"pre_tokenizer\":{\"type\":\"Split\",\"pattern\":‸{\"Glob\":\"*\"},\"behavior\":\"Isolated\",\"invert\":false}"), "TOK021", "pre_tokenizer.pattern",
            "expected a pattern {\"Regex\": \"...\"} or {\"String\": \"...\"}, found an object" },
        { With("\"pre_tokenizer\":{\"type\":\"Split\",\"pattern\":{\"Regex\":‸1},\"behavior\":\"Isolated\",\"invert\":false}"), "TOK021", "pre_tokenizer.pattern.Regex", "expected a string, found the number 1" },
        { With("\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"add_prefix_space\":‸\"yes\",\"trim_offsets\":true}"), "TOK021", "pre_tokenizer.add_prefix_space", "expected true or false, found the string \"yes\"" },
        { With("\"pre_tokenizer\":‸{\"type\":\"ByteLevel\",\"add_prefix_space\":false}"), "TOK021", "pre_tokenizer", "missing field 'trim_offsets'" },
        { With("\"pre_tokenizer\":{\"type\":\"Digits\",‸\"type\":\"Digits\"}"), "TOK021", "pre_tokenizer.type", "duplicate field 'type'" },
        { With("\"pre_tokenizer\":{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"first\",\"add_prefix_space\":‸false}"), "TOK021", "pre_tokenizer.add_prefix_space",
            "add_prefix_space false contradicts prepend_scheme \"first\"" },
        { With("\"pre_tokenizer\":{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":‸\"sometimes\"}"), "TOK021", "pre_tokenizer.prepend_scheme",
            "expected one of \"always\", \"first\", \"never\", found the string \"sometimes\"" },
        { With("\"pre_tokenizer\":{\"type\":\"Metaspace\",\"replacement\":‸\"ab\"}"), "TOK021", "pre_tokenizer.replacement", "expected a string of one character, found the string \"ab\"" },
        { With("\"post_processor\":{\"type\":\"TemplateProcessing\",\"single\":[{\"SpecialToken\":{\"id\":‸\"<s>\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}}],\"special_tokens\":{}}"),
            "TOK021", "post_processor.single[0].SpecialToken.id", "special token '<s>' is not in special_tokens" },
        { With("\"post_processor\":{\"type\":\"TemplateProcessing\",\"single\":[{\"Sequence\":{\"id\":‸\"B\",\"type_id\":0}}],\"special_tokens\":{}}"),
            "TOK020", "post_processor.single[0].Sequence.id", "a single-sequence template that uses sequence B is not supported" },
        { With("\"post_processor\":{\"type\":\"TemplateProcessing\",\"single\":[‸\"$A\"],\"special_tokens\":{}}"),
            "TOK021", "post_processor.single[0]", "expected a template piece {\"SpecialToken\": {...}} or {\"Sequence\": {...}}, found the string \"$A\"" },
        { With("\"post_processor\":{\"type\":\"TemplateProcessing\",\"single\":[],\"special_tokens\":{\"<s>\":{\"id\":\"<s>\",\"ids\":[1,2],\"tokens\":‸[\"<s>\"]}}}"),
            "TOK021", "post_processor.special_tokens[\"<s>\"].tokens", "special token '<s>' has 2 ids but 1 tokens" },
        { "{\"model\":{\"type\":\"BPE\" ‸\"vocab\":{}}}", "TOK003", "model.type", "expected ',' or '}', found '\"'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BrokenInputIsLocated(string marked, string code, string? path, string message)
    {
        int at = marked.IndexOf('‸');
        string text = marked.Remove(at, 1);
        var file = TokenizerJsonReader.Read(text);
        Assert.Null(file.Definition);
        var error = Assert.Single(file.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.JsonPath);
        if (message.EndsWith('…')) Assert.StartsWith(message.TrimEnd('…'), error.Message);
        else Assert.Equal(message, error.Message);
        string before = text.Substring(0, at);
        Assert.Equal(new SourcePoint(at, before.Count(c => c == '\n'), at - (before.LastIndexOf('\n') + 1)), error.Where);
    }

    [Fact]
    public void PrettyPrintedFileGivesLineAndColumn()
    {
        string text = "{\n  \"model\": {\n    \"type\": \"BPE\",\n    \"vocab\": {\"a\": 0, \"b\": 1},\n    \"merges\": [\n      \"a b\",\n      \"ab\"\n    ]\n  }\n}\n";
        var error = Assert.Single(TokenizerJsonReader.Read(text).Errors);
        Assert.Equal("tokenizer.json(7,7): model.merges[1]: expected two tokens separated by one space, found the string \"ab\"", error.Format("tokenizer.json"));
        Assert.Equal(4, error.Length);
    }

    [Fact]
    public void ReportsEveryBrokenComponent()
    {
        var file = TokenizerJsonReader.Read(With("\"normalizer\":{\"type\":\"Bert\"},\"decoder\":{\"type\":\"CTC\"},\"added_tokens\":[{\"id\":-1,\"content\":\"x\"}]"));
        Assert.Equal(["normalizer", "decoder", "added_tokens[0].id"], file.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void AFloodOfErrorsIsCappedWithASummary()
    {
        string merges = "[" + string.Join(",", Enumerable.Repeat("\"ab\"", 30)) + "]";
        var errors = TokenizerJsonReader.Read(ModelWith(Vocab, merges)).Errors;
        Assert.Equal(CompileErrorList.MaxPerCode + 1, errors.Count);
        Assert.Equal("model.merges[19]", errors[19].JsonPath);
        var summary = errors[^1];
        Assert.Equal("TOK021", summary.Code);
        Assert.Equal("and 10 more TOK021 errors like the ones above (only the first 20 are listed)", summary.Message);
        Assert.Null(summary.JsonPath);
    }

    [Fact]
    public void ReadSpecThrowsTheFirstError()
    {
        var e = Assert.Throws<FormatException>(() => TokenizerJsonReader.ReadSpec("{\"model\":{\"type\":\"BPE\"},\"decoder\":{\"type\":\"CTC\"}}"));
        Assert.Equal("tokenizer spec(1,43): decoder: decoder type 'CTC' is not supported", e.Message);
        Assert.Throws<FormatException>(() => TokenizerJsonReader.ReadSpec("{\"model\":"));
    }
}
