using Microsoft.ML.Tokenizers;

namespace Tokenizers.MLTokenizers.Tests;

/// <summary>One message of a chat history.</summary>
public sealed record ChatTurn(string Role, string Content);

/// <summary>
/// The prompt-budget example: the most recent turns of a chat history that fit in <c>maxTokens</c>, the oldest kept
/// turn cut to its last tokens. Written against ML.Tokenizers' <see cref="Tokenizer"/>, so it runs on
/// <c>OpenAIEncodings.O200kBase.AsMLTokenizer()</c> as on ML.Tokenizers' own tokenizer.
/// </summary>
public static class PromptBudget
{
    public static List<ChatTurn> KeepLast(Tokenizer tokenizer, IReadOnlyList<ChatTurn> history, int maxTokens)
    {
        var kept = new List<ChatTurn>();
        int left = maxTokens;
        for (int i = history.Count - 1; i >= 0 && left > 0; i--)
        {
            string content = history[i].Content;
            int start = tokenizer.GetIndexByTokenCountFromEnd(content, left, out _, out int used);
            if (used == 0) break;
            kept.Add(history[i] with { Content = content[start..] });
            left -= used;
        }
        kept.Reverse();
        return kept;
    }
}
