using System.Text;
using Tokenizers.Tests;

namespace SeedNotebook.Tests;

/// <summary>The sample replays the notebook on the-verdict and prints the notebook's own outputs.</summary>
public class SeedNotebookOutputTests
{
    private static readonly Lazy<string> s_output = new(() =>
    {
        var saved = Console.Out;
        var writer = new StringWriter();
        try
        {
            Console.SetOut(writer);
            Assert.Equal(0, Program.Main([SharedData.Path_("data", "the-verdict.txt")]));
        }
        finally
        {
            Console.SetOut(saved);
        }
        return writer.ToString().Replace("\r\n", "\n");
    });

    [Theory]
    [InlineData("Total number of characters: 20479")]
    [InlineData("Encoded token ids for It's the last he painted.: [58, 2, 872, 1013, 615, 541, 763, 7]")]
    [InlineData("Decoded text for [58, 2, 872, 1013, 615, 541, 763, 7]: It' s the last he painted.")]
    [InlineData("['younger', 'your', 'yourself', '<|unk|>', '<|endoftext|>']")]
    [InlineData("<|unk|>, do you like tea? <|endoftext|> In the sunlit terraces of the <|unk|>.")]
    [InlineData("[72, 101, 108, 108, 111, 32, 104, 111, 119, 32, 97, 114, 101, 32, 121, 111, 117, 63]")]
    [InlineData("[b'for ', b'ould', b'tch', b'gre', b'pr', b'ould have ', b'--t', b'cou', b'ure ', b'k ']")]
    [InlineData("[278, 102, 288, 259, 336, 353, 116, 273, 102, 300, 305, 262, 102, 300, 116]")]
    [InlineData("[40, 2936, 1498, 284, 1986, 262, 1109]")]
    [InlineData("Next input token ids: tensor([  40,  367, 2885, 1464]) and target ids: tensor([ 367, 2885, 1464, 1807])")]
    [InlineData("Next input sequence: I HAD always and target ids:  HAD always thought")]
    [InlineData("tensor([[ 0.3374, -0.1778, -0.3035,  ...,  1.3337,  0.0771, -0.0522],")]
    [InlineData("        [-0.2537,  0.1446,  0.7203,  ..., -0.2134,  0.2144,  0.3006]],")]
    [InlineData("torch.Size([8, 4, 256])")]
    public void PrintsTheNotebooksLine(string line) => Assert.Contains(line + "\n", s_output.Value);

    [Fact]
    public void PrintsTheNotebooksFirstBatch()
    {
        const string batch = """
            Token IDs:
             tensor([[   40,   367,  2885,  1464],
                    [ 1807,  3619,   402,   271],
                    [10899,  2138,   257,  7026],
                    [15632,   438,  2016,   257],
                    [  922,  5891,  1576,   438],
                    [  568,   340,   373,   645],
                    [ 1049,  5975,   284,   502],
                    [  284,  3285,   326,    11]])

            Inputs shape:
             torch.Size([8, 4])
            """;
        Assert.Contains(batch.Replace("\r\n", "\n"), s_output.Value);
    }
}
