using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Text.Json;
using Tokenizers.Cli.Datasets;
using Tokenizers.Data;
using Tokenizers.Streaming;

namespace Tokenizers.Cli.Commands;

/// <summary><c>encode</c>: text → ids on one line, JSONL → one JSON array of ids per line, or text → a token file.</summary>
internal static class EncodeCommand
{
    public static Command Create(EncodingRegistry registry)
    {
        var tokenizerOptions = new TokenizerOptions();
        Option<string[]> input = new("--input", "-i")
        {
            Description = $"UTF-8 text file to encode, read as a stream ({InputFiles.HelpNote}); with --column, Parquet or JSON Lines files, "
                + "repeatable, or patterns with * and ? in the file name",
            AllowMultipleArgumentsPerToken = true,
        };
        Option<string> text = CommonOptions.Text();
        Option<string> jsonl = new("--jsonl")
        {
            Description = $"JSON Lines file whose objects each have a \"text\" field ({InputFiles.HelpNote}); with --column, that field",
        };
        Option<bool> allowSpecial = CommonOptions.AllowSpecial();
        Option<bool> addSpecial = CommonOptions.AddSpecialTokens();
        Option<string> outputTokens = new("--output-tokens")
        {
            Description = "Write the ids to this token file instead of printing them: flat little-endian uint16 when the vocabulary "
                + "has at most 65,536 ids (nanoGPT's .bin), else uint32. Streams in bounded memory, with progress on stderr. "
                + "With --column and several inputs (or a pattern, or --shard-count): a folder of shards and manifests",
        };
        var dataset = new DatasetOptions();
        Option<int> threads = CommonOptions.Threads();
        Option<bool> quiet = CommonOptions.Quiet();
        var command = new Command("encode", "Print the token ids of a text, or write them to a token file; prepare datasets (--column)");
        foreach (Option option in (Option[])[.. tokenizerOptions.All, input, text, jsonl, allowSpecial, addSpecial, outputTokens, .. dataset.All, threads, quiet])
            command.Options.Add(option);
        command.SetAction(result =>
        {
            ITokenizer tokenizer;
            TextWriter output = result.InvocationConfiguration.Output;
            TextWriter error = result.InvocationConfiguration.Error;
            string[] inputs = result.GetValue(input) ?? [];
            string? tokenFile = result.GetValue(outputTokens);
            if (result.GetValue(dataset.Column) is string column)
            {
                if (result.GetResult(text) is not null) throw new CliException("--column reads --input or --jsonl files, not --text");
                if (result.GetValue(allowSpecial) || result.GetValue(addSpecial))
                    throw new CliException("--column writes each document as the separator and its ordinary ids; --allow-special and --add-special-tokens do not apply");
                if (tokenFile is null) throw new CliException("--column needs --output-tokens");
                string? jsonLines = result.GetValue(jsonl);
                if (jsonLines is not null) inputs = [jsonLines, .. inputs];
                if (inputs.Length == 0) throw new CliException("--column needs --input or --jsonl");
                tokenizer = tokenizerOptions.Resolve(result, registry);
                DatasetRun.Run(dataset.Request(result, tokenizer, tokenizerOptions.Name(result), inputs, tokenFile,
                    result.GetValue(threads), result.GetValue(quiet)), output, error);
                return 0;
            }
            dataset.RejectWithoutColumn(result);
            Option source = CommonOptions.ExactlyOne(result, input, text, jsonl);
            if (inputs.Length > 1) throw new CliException("several --input files are a dataset: give --column (and --output-tokens)");
            tokenizer = tokenizerOptions.Resolve(result, registry);
            var policy = new Policy(CommonOptions.Policy(result, allowSpecial), result.GetValue(addSpecial), result.GetValue(threads), result.GetValue(quiet));
            string? path = source == input ? inputs[0] : null;
            string? value = source == text ? result.GetValue(text) ?? "" : null;
            if (tokenFile is not null)
            {
                if (source == jsonl) throw new CliException("--output-tokens takes --input or --text, not --jsonl (or --jsonl with --column)");
                WriteTokenFile(tokenizer, policy, path, value, tokenFile, output, error);
            }
            else if (source == jsonl)
            {
                EncodeJsonLines(tokenizer, policy, result.GetValue(jsonl)!, output);
            }
            else
            {
                PrintIds(tokenizer, policy, path, value, output, error);
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Ids separated by spaces on one line, written as they come. A file is checked first (stdout cannot be taken back);
    /// a pipe cannot be read twice, so a bad byte in one ends the ids printed so far with a line break before the error.
    /// </summary>
    private static void PrintIds(ITokenizer tokenizer, Policy policy, string? path, string? text, TextWriter output, TextWriter error)
    {
        bool first = true;
        char[] digits = new char[12];
        try
        {
            StreamingInput.Encode(tokenizer, policy.Special, path, text, ids =>
            {
                foreach (int id in ids)
                {
                    if (!first) output.Write(' ');
                    first = false;
                    id.TryFormat(digits, out int n, provider: System.Globalization.CultureInfo.InvariantCulture);
                    output.Write(digits, 0, n);
                }
            }, error, "encode", validateFirst: true, policy.AddSpecialTokens, policy.Threads, policy.Quiet);
        }
        catch (CliException) when (!first)
        {
            output.WriteLine();
            throw;
        }
        output.WriteLine();
    }

    /// <summary>
    /// Streams ids into a token file through a temporary file beside it and a rename, so the file is either the old one
    /// or complete, never half written.
    /// </summary>
    private static void WriteTokenFile(ITokenizer tokenizer, Policy policy, string? path, string? text, string tokenFile,
        TextWriter output, TextWriter error)
    {
        TokenFileWidth width = TokenFile.WidthFor(tokenizer.VocabularySize);
        StreamingEncodeResult result = AtomicOutput.Write(tokenFile, stream =>
        {
            using var writer = new TokenFileWriter(stream, width, leaveOpen: true);
            return StreamingInput.Encode(tokenizer, policy.Special, path, text, writer.Write, error, "encode", addSpecialTokens: policy.AddSpecialTokens,
                threads: policy.Threads, quiet: policy.Quiet);
        });
        output.WriteLine($"wrote {tokenFile}: {result.Tokens:N0} tokens, {(width == TokenFileWidth.UInt16 ? "uint16" : "uint32")} little-endian "
            + $"({result.Tokens * (int)width:N0} bytes), from {result.Chars:N0} chars");
    }

    /// <summary>One output line per non-blank input line, in order, so results can be zipped with the input.</summary>
    private static void EncodeJsonLines(ITokenizer tokenizer, Policy policy, string path, TextWriter output)
    {
        int lineNumber = 0;
        using InputStream input = InputFiles.Open(path);
        InputFiles.ValidateIfSeekable(input);
        using var text = new Utf8TextReader(input.Stream, throwOnInvalid: true, leaveOpen: true);
        var reader = new LineReader(text);
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw InputFiles.Describe(input, e);
            }
            if (line is null) break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            IReadOnlyList<int> ids = tokenizer.EncodeToIds(ReadTextField(line, path, lineNumber), policy.Special, policy.AddSpecialTokens);
            output.Write('[');
            output.Write(string.Join(',', ids));
            output.WriteLine(']');
        }
    }

    /// <summary>Which special tokens the text may hold, and whether the post-processor adds its own.</summary>
    private readonly record struct Policy(SpecialTokenPolicy Special, bool AddSpecialTokens, int Threads, bool Quiet);

    private static string ReadTextField(string line, string path, int lineNumber)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
            {
                return text.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Reported below with the line number.
        }
        throw new CliException($"{path}:{lineNumber}: expected a JSON object with a string \"text\" field");
    }
}
