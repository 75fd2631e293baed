using Microsoft.ML.Tokenizers;
using Microsoft.SemanticKernel.Text;
using Tokenizers.OpenAI;
using Tokenizers.Tests;

namespace Tokenizers.MLTokenizers.Tests;

/// <summary>
/// Code written for ML.Tokenizers, handed the adapter unchanged: a truncation helper that takes a
/// <see cref="Tokenizer"/>, Semantic Kernel's <see cref="TextChunker"/> with the adapter's token counter, and the prompt
/// budget example. Each gives what it gives with ML.Tokenizers' own TiktokenTokenizer.
/// </summary>
public sealed class ConsumerTests
{
    private static readonly string Story = File.ReadAllText(SharedData.Path_("data", "the-verdict.txt"));

    /// <summary>Code as a user writes it against ML.Tokenizers: the first <paramref name="budget"/> tokens' text.</summary>
    private static string Truncate(Tokenizer tokenizer, string text, int budget)
        => text[..tokenizer.GetIndexByTokenCount(text, budget, out _, out _)];

    [Fact]
    public void CodeTakingMLTokenizerRunsUnchanged()
    {
        Tokenizer ml = TiktokenTokenizer.CreateForEncoding("cl100k_base");
        Tokenizer ours = OpenAIEncodings.Cl100kBase.AsMLTokenizer();
        foreach (int budget in new[] { 1, 7, 100, 1000 })
            Assert.Equal(Truncate(ml, Story, budget), Truncate(ours, Story, budget));
        Assert.Equal(ml.CountTokens(Story), ours.CountTokens(Story));
    }

    [Fact]
    public void SemanticKernelTextChunkerCountsWithOurTokenizer()
    {
        Tokenizer ml = TiktokenTokenizer.CreateForEncoding("cl100k_base");
        Tokenizer ours = OpenAIEncodings.Cl100kBase.AsMLTokenizer();
        List<string> Chunk(Tokenizer tokenizer)
        {
            TextChunker.TokenCounter counter = text => tokenizer.CountTokens(text);
            var lines = TextChunker.SplitPlainTextLines(Story, maxTokensPerLine: 40, counter);
            return TextChunker.SplitPlainTextParagraphs(lines, maxTokensPerParagraph: 200, overlapTokens: 20, tokenCounter: counter);
        }

        var expected = Chunk(ml);
        var actual = Chunk(ours);
        Assert.True(actual.Count > 10);
        Assert.Equal(expected, actual);
        Assert.All(actual, chunk => Assert.True(ours.CountTokens(chunk) <= 200));
    }

    [Fact]
    public void PromptBudgetKeepsTheLastTokensOfTheHistory()
    {
        var history = new List<ChatTurn>();
        string[] paragraphs = Story.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < paragraphs.Length; i++) history.Add(new ChatTurn(i % 2 == 0 ? "user" : "assistant", paragraphs[i]));

        Tokenizer ours = OpenAIEncodings.O200kBase.AsMLTokenizer();
        var kept = PromptBudget.KeepLast(ours, history, maxTokens: 500);
        var reference = PromptBudget.KeepLast(TiktokenTokenizer.CreateForEncoding("o200k_base"), history, maxTokens: 500);

        Assert.Equal(reference, kept);
        Assert.Equal(history[^1], kept[^1]);
        Assert.True(kept.Sum(t => ours.CountTokens(t.Content)) <= 500);
        // The first turn kept is cut at a token boundary, the start of the text trimmed away.
        Assert.EndsWith(kept[0].Content, history[history.Count - kept.Count].Content, StringComparison.Ordinal);
    }
}
