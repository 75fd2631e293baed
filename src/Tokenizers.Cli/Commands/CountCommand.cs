using System.CommandLine;

namespace Tokenizers.Cli.Commands;

/// <summary><c>count</c>: the number of tokens of a text.</summary>
internal static class CountCommand
{
    public static Command Create(EncodingRegistry registry)
    {
        Option<string> encoding = CommonOptions.Encoding();
        Option<string> input = CommonOptions.InputFile("UTF-8 text file to count");
        Option<string> text = CommonOptions.Text();
        Option<bool> allowSpecial = CommonOptions.AllowSpecial();
        var command = new Command("count", "Print the number of tokens of a text") { encoding, input, text, allowSpecial };
        command.SetAction(result =>
        {
            string value = CommonOptions.ReadTextOrFile(result, text, input);
            ITokenizer tokenizer = registry.Get(result.GetValue(encoding)!);
            result.InvocationConfiguration.Output.WriteLine(tokenizer.CountTokens(value, CommonOptions.Policy(result, allowSpecial)));
            return 0;
        });
        return command;
    }
}
