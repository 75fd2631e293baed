using System;
using System.Collections.Generic;
using System.Globalization;

namespace Tokenizers.Compilation;

/// <summary>
/// Hugging Face does not take an added token's id from tokenizer.json (tokenizer/serialization.rs): it adds the tokens
/// in order (<c>AddedVocabulary::add_tokens</c>), each taking the id its content already has (an earlier added token's,
/// else model.vocab's), else the id after the largest added id when that is past the vocab, else the vocab's size. A
/// file written by Hugging Face always agrees; a hand-edited one whose ids differ would encode to other ids than it
/// says, so that is a located error naming the id Hugging Face gives, never a guess.
/// </summary>
internal static class AddedTokenIds
{
    public static void Check(AddedTokenDef[] added, IReadOnlyList<VocabEntry> vocab, List<CompileError> errors)
    {
        if (added.Length == 0) return;
        var vocabIds = VocabIdsOf(added, vocab);
        int vocabSize = vocab.Count; // the BPE model's get_vocab_size(): its entries (tokens are distinct), not its largest id
        var addedIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int largest = -1;
        for (int i = 0; i < added.Length; i++)
        {
            string content = added[i].Content;
            if (content.Length == 0) continue; // Hugging Face skips it
            if (!addedIds.TryGetValue(content, out int id) && !vocabIds.TryGetValue(content, out id))
                id = largest < 0 ? vocabSize : largest >= vocabSize || vocabSize == 0 ? largest + 1 : vocabSize;
            addedIds[content] = id;
            largest = Math.Max(largest, id);
            if (id == added[i].Id) continue;
            string expected = id.ToString(CultureInfo.InvariantCulture);
            errors.Add(new CompileError(CompileErrorCodes.MalformedValue,
                $"added token '{TextDisplay.Show(content)}' has id {added[i].Id.ToString(CultureInfo.InvariantCulture)}, but Hugging Face ignores "
                + $"the ids of added_tokens and gives it {expected} ({(vocabIds.ContainsKey(content) ? "its id in model.vocab" : "the next id after the vocab and the added tokens before it")}): write {expected}",
                Json.JsonPath.Member(Json.JsonPath.Index("added_tokens", i), "id"), default));
        }
    }

    /// <summary>
    /// The model.vocab ids of the added tokens' contents that are in it. Only vocab tokens as long as some added token
    /// are looked up, so that a vocabulary of 100,000s of tokens is not hashed for a few hundred added ones.
    /// </summary>
    private static Dictionary<string, int> VocabIdsOf(AddedTokenDef[] added, IReadOnlyList<VocabEntry> vocab)
    {
        var contents = new HashSet<string>(StringComparer.Ordinal);
        int longest = 0;
        foreach (var a in added)
        {
            contents.Add(a.Content);
            longest = Math.Max(longest, a.Content.Length);
        }
        var lengths = new bool[longest + 1];
        foreach (string content in contents) lengths[content.Length] = true;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in vocab)
            if (v.Token.Length <= longest && lengths[v.Token.Length] && contents.Contains(v.Token)) ids[v.Token] = v.Id;
        return ids;
    }
}
