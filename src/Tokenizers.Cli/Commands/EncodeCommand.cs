using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json;

namespace Tokenizers.Cli.Commands;

/// <summary><c>encode</c>: text → ids on one line, or JSONL → one JSON array of ids per line.</summary>
internal static class EncodeCommand
{
    public static Command Create(EncodingRegistry registry)
    {
        Option<string> encoding = CommonOptions.Encoding();
        Option<string> input = CommonOptions.InputFile("UTF-8 text file to encode");
        Option<string> text = CommonOptions.Text();
        Option<string> jsonl = new("--jsonl") { Description = "JSON Lines file whose objects each have a \"text\" field" };
        Option<bool> allowSpecial = CommonOptions.AllowSpecial();
        var command = new Command("encode", "Print the token ids of a text") { encoding, input, text, jsonl, allowSpecial };
        command.SetAction(result =>
        {
            Option<string> source = CommonOptions.ExactlyOne(result, input, text, jsonl);
            ITokenizer tokenizer = registry.Get(result.GetValue(encoding)!);
            SpecialTokenPolicy policy = CommonOptions.Policy(result, allowSpecial);
            TextWriter output = result.InvocationConfiguration.Output;
            if (source == jsonl)
            {
                EncodeJsonLines(tokenizer, policy, CommonOptions.RequireFile(result.GetValue(jsonl)!), output);
            }
            else
            {
                string value = source == text ? result.GetValue(text) ?? "" : CommonOptions.ReadText(result.GetValue(input)!);
                output.WriteLine(string.Join(' ', tokenizer.EncodeToIds(value, policy)));
            }
            return 0;
        });
        return command;
    }

    /// <summary>One output line per non-blank input line, in order, so results can be zipped with the input.</summary>
    private static void EncodeJsonLines(ITokenizer tokenizer, SpecialTokenPolicy policy, string path, TextWriter output)
    {
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            IReadOnlyList<int> ids = tokenizer.EncodeToIds(ReadTextField(line, path, lineNumber), policy);
            output.Write('[');
            output.Write(string.Join(',', ids));
            output.WriteLine(']');
        }
    }

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
