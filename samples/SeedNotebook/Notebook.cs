using System;
using System.Collections.Generic;
using System.IO;
using Tokenizers;
using Tokenizers.Bpe;
using Tokenizers.Notebook;
using Tokenizers.WordLevel;

namespace SeedNotebook;

/// <summary>The notebook's tokenizer cells, In [32] to In [43], each printing what the notebook's cell prints.</summary>
internal static class Notebook
{
    public static void Replay(string rawText, Vocabularies v, TextWriter output)
    {
        Cell(output, 32, "load the corpus (" + v.Name + ")");
        output.WriteLine($"Total number of characters: {PythonRepr.Length(rawText)}");
        output.WriteLine(PythonRepr.Prefix(rawText, 99));

        Cell(output, 35, "SimpleTokenizerV1: the corpus's words, unknown words throw");
        string textToEncode = "It's the last he painted.";
        try
        {
            IReadOnlyList<int> ids = v.V1.EncodeToIds(textToEncode);
            output.WriteLine($"Encoded token ids for {textToEncode}: {PythonRepr.Ints(ids)}");
            output.WriteLine($"Decoded text for {PythonRepr.Ints(ids)}: {v.V1.Decode(ids)}");
        }
        catch (UnknownWordException e)
        {
            output.WriteLine($"KeyError: {PythonRepr.Str(e.Word)}  ({e.Message})");
        }

        Cell(output, 36, "add <|unk|> and <|endoftext|>: the vocabulary's last five");
        var tail = new List<string>();
        for (int id = v.V2.VocabularySize - 5; id < v.V2.VocabularySize; id++) tail.Add(v.V2.Decode([id]));
        output.WriteLine(PythonRepr.Strings(tail));

        Cell(output, 37, "SimpleTokenizerV2: unknown words become <|unk|>");
        output.WriteLine(v.V2.Decode(v.V2.EncodeToIds("Hello, do you like tea? <|endoftext|> In the sunlit terraces of the palace.")));

        Cell(output, 39, "SimpleByteTokenizer");
        IReadOnlyList<int> byteIds = ByteTokenizer.Instance.EncodeToIds("Hello how are you?");
        output.WriteLine(PythonRepr.Ints(byteIds));
        output.WriteLine(ByteTokenizer.Instance.Decode(byteIds));

        Cell(output, 41, "SimpleBPETokenizer(500, 5).train(raw_text): the vocabulary's last ten");
        var tokens = new List<byte[]>();
        byte[] buffer = new byte[1024];
        for (int id = Math.Max(0, v.Bpe.VocabularySize - 10); id < v.Bpe.VocabularySize; id++)
            tokens.Add(buffer.AsSpan(0, v.Bpe.DecodeToBytes(id, buffer)).ToArray());
        output.WriteLine(PythonRepr.BytesList(tokens));
        output.WriteLine($"Vocab size: {v.Bpe.VocabularySize}");

        Cell(output, 42, "its greedy longest-match encode (the notebook's; the compiled tokenizer itself merges by rank)");
        var greedy = new GreedyLongestMatchTokenizer(v.Bpe);
        IReadOnlyList<int> greedyIds = greedy.EncodeToIds("I felt able to face the fact");
        output.WriteLine(PythonRepr.Ints(greedyIds));
        output.WriteLine(greedy.Decode(greedyIds));

        Cell(output, 43, "GPT-2's BPE (tiktoken.get_encoding('gpt2'))");
        var gpt2 = new Tokenizers.OpenAI.Gpt2Tokenizer();
        IReadOnlyList<int> gpt2Ids = gpt2.EncodeToIds("I felt able to face the fact");
        output.WriteLine(PythonRepr.Ints(gpt2Ids));
        output.WriteLine(gpt2.Decode(gpt2Ids));

        TorchCells.Replay(rawText, output);
    }

    internal static void Cell(TextWriter output, int number, string title)
    {
        output.WriteLine();
        output.WriteLine($"── In [{number}]: {title}");
    }
}
