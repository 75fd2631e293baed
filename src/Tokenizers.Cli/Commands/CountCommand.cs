using System.CommandLine;

namespace Tokenizers.Cli.Commands;

/// <summary><c>count</c>: the number of tokens of a text; a file is read as a stream, in bounded memory.</summary>
internal static class CountCommand
{
    public static Command Create(EncodingRegistry registry)
    {
        Option<string> encoding = CommonOptions.Encoding();
        Option<string> input = CommonOptions.InputFile("UTF-8 text file to count, read as a stream");
        Option<string> text = CommonOptions.Text();
        Option<bool> allowSpecial = CommonOptions.AllowSpecial();
        var command = new Command("count", "Print the number of tokens of a text") { encoding, input, text, allowSpecial };
        command.SetAction(result =>
        {
            bool fromText = CommonOptions.ExactlyOne(result, input, text) == text;
            ITokenizer tokenizer = registry.Get(result.GetValue(encoding)!);
            SpecialTokenPolicy policy = CommonOptions.Policy(result, allowSpecial);
            long count = fromText
                ? tokenizer.CountTokens(result.GetValue(text) ?? "", policy)
                : StreamingInput.Encode(tokenizer, policy, result.GetValue(input)!, null, _ => { }, result.InvocationConfiguration.Error, "count").Tokens;
            result.InvocationConfiguration.Output.WriteLine(count);
            return 0;
        });
        return command;
    }
}
