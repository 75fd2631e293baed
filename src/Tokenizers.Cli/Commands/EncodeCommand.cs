using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Text.Json;
using Tokenizers.Data;
using Tokenizers.Streaming;

namespace Tokenizers.Cli.Commands;

/// <summary><c>encode</c>: text → ids on one line, JSONL → one JSON array of ids per line, or text → a token file.</summary>
internal static class EncodeCommand
{
    public static Command Create(EncodingRegistry registry)
    {
        var tokenizerOptions = new TokenizerOptions();
        Option<string> input = CommonOptions.InputFile("UTF-8 text file to encode, read as a stream");
        Option<string> text = CommonOptions.Text();
        Option<string> jsonl = new("--jsonl")
        {
            Description = $"JSON Lines file whose objects each have a \"text\" field ({InputFiles.HelpNote})",
        };
        Option<bool> allowSpecial = CommonOptions.AllowSpecial();
        Option<bool> addSpecial = CommonOptions.AddSpecialTokens();
        Option<string> outputTokens = new("--output-tokens")
        {
            Description = "Write the ids to this token file instead of printing them: flat little-endian uint16 when the vocabulary "
                + "has at most 65,536 ids (nanoGPT's .bin), else uint32. Streams in bounded memory, with progress on stderr",
        };
        var command = new Command("encode", "Print the token ids of a text, or write them to a token file");
        foreach (Option option in (Option[])[.. tokenizerOptions.All, input, text, jsonl, allowSpecial, addSpecial, outputTokens]) command.Options.Add(option);
        command.SetAction(result =>
        {
            Option<string> source = CommonOptions.ExactlyOne(result, input, text, jsonl);
            ITokenizer tokenizer = tokenizerOptions.Resolve(result, registry);
            var policy = new Policy(CommonOptions.Policy(result, allowSpecial), result.GetValue(addSpecial));
            TextWriter output = result.InvocationConfiguration.Output;
            TextWriter error = result.InvocationConfiguration.Error;
            string? path = source == input ? result.GetValue(input) : null;
            string? value = source == text ? result.GetValue(text) ?? "" : null;
            string? tokenFile = result.GetValue(outputTokens);
            if (tokenFile is not null)
            {
                if (source == jsonl) throw new CliException("--output-tokens takes --input or --text, not --jsonl");
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
            }, error, "encode", validateFirst: true, policy.AddSpecialTokens);
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
        if (Directory.Exists(tokenFile)) throw new CliException($"{tokenFile} is a directory; --output-tokens names a file");
        TokenFileWidth width = TokenFile.WidthFor(tokenizer.VocabularySize);
        string fullPath = Path.GetFullPath(tokenFile);
        string folder = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
        StreamingEncodeResult result;
        try
        {
            try
            {
                Directory.CreateDirectory(folder);
                using var writer = new TokenFileWriter(temporary, width);
                result = StreamingInput.Encode(tokenizer, policy.Special, path, text, writer.Write, error, "encode", addSpecialTokens: policy.AddSpecialTokens);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {tokenFile}: {e.Message}");
            }
            try
            {
                File.Move(temporary, fullPath, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {tokenFile}: {e.Message}");
            }
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the error that got us here matters more.
            }
        }
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
    private readonly record struct Policy(SpecialTokenPolicy Special, bool AddSpecialTokens);

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
