using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;

namespace Tokenizers.Cli.Commands;

/// <summary><c>decode</c>: ids → text, printed as is (no newline added, so output round-trips byte for byte).</summary>
internal static class DecodeCommand
{
    // Spaces, commas and brackets all separate, so encode's plain and JSON outputs both decode.
    private static readonly char[] s_separators = [' ', '\t', '\r', '\n', ',', '[', ']'];

    public static Command Create(EncodingRegistry registry)
    {
        var tokenizerOptions = new TokenizerOptions();
        Option<string> ids = new("--ids") { Description = "Token ids separated by spaces, e.g. \"40 2936\"" };
        Option<string> input = CommonOptions.InputFile("File of token ids separated by spaces or commas");
        var command = new Command("decode", "Print the text of token ids");
        foreach (Option option in (Option[])[.. tokenizerOptions.All, ids, input]) command.Options.Add(option);
        command.SetAction(result =>
        {
            string text = CommonOptions.ExactlyOne(result, ids, input) == ids
                ? result.GetValue(ids) ?? ""
                : CommonOptions.ReadText(result.GetValue(input)!);
            ITokenizer tokenizer = tokenizerOptions.Resolve(result, registry);
            List<int> parsed = ParseIds(text, tokenizer.VocabularySize);
            try
            {
                result.InvocationConfiguration.Output.Write(tokenizer.Decode(parsed));
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException($"id {e.ActualValue} is not in the vocabulary");
            }
            return 0;
        });
        return command;
    }

    private static List<int> ParseIds(string text, int vocabularySize)
    {
        var ids = new List<int>();
        foreach (string field in text.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                throw new CliException($"not a token id: '{field}'");
            }
            ids.Add(id < vocabularySize ? id : throw new CliException($"id {id} is not in the vocabulary (size {vocabularySize})"));
        }
        return ids;
    }
}
