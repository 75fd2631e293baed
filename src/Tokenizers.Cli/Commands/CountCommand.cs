using System.CommandLine;

namespace Tokenizers.Cli.Commands;

/// <summary><c>count</c>: the number of tokens of a text; a file is read as a stream, in bounded memory.</summary>
internal static class CountCommand
{
    public static Command Create(EncodingRegistry registry)
    {
        var tokenizerOptions = new TokenizerOptions();
        Option<string> input = CommonOptions.InputFile("UTF-8 text file to count, read as a stream");
        Option<string> text = CommonOptions.Text();
        Option<bool> allowSpecial = CommonOptions.AllowSpecial();
        Option<bool> addSpecial = CommonOptions.AddSpecialTokens();
        Option<int> threads = CommonOptions.Threads();
        Option<bool> quiet = CommonOptions.Quiet();
        var command = new Command("count", "Print the number of tokens of a text");
        foreach (Option option in (Option[])[.. tokenizerOptions.All, input, text, allowSpecial, addSpecial, threads, quiet]) command.Options.Add(option);
        command.SetAction(result =>
        {
            bool fromText = CommonOptions.ExactlyOne(result, input, text) == text;
            ITokenizer tokenizer = tokenizerOptions.Resolve(result, registry);
            SpecialTokenPolicy policy = CommonOptions.Policy(result, allowSpecial);
            bool add = result.GetValue(addSpecial);
            long count = fromText && !add
                ? tokenizer.CountTokens(result.GetValue(text) ?? "", policy)
                : StreamingInput.Encode(tokenizer, policy, fromText ? null : result.GetValue(input)!, result.GetValue(text), onIds: null,
                    result.InvocationConfiguration.Error, "count", addSpecialTokens: add, threads: result.GetValue(threads),
                    quiet: result.GetValue(quiet)).Tokens;
            result.InvocationConfiguration.Output.WriteLine(count);
            return 0;
        });
        return command;
    }
}
