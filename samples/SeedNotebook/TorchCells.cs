using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Tokenizers.OpenAI;
using Tokenizers.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace SeedNotebook;

/// <summary>The notebook's dataset, data loader and embedding cells, In [45] to In [51], on TorchSharp.</summary>
internal static class TorchCells
{
    public static void Replay(string rawText, TextWriter output)
    {
        var gpt2 = new Gpt2Tokenizer();
        int[] ids = [.. gpt2.EncodeToIds(rawText)];

        Notebook.Cell(output, 45, "GPTDatasetV1(raw_text, tokenizer, stride=4, max_seq_length=4): its first pair");
        using (var dataset = new WindowedTokenDataset(TokenSource.FromMemory(ids), maxLength: 4, stride: 4, ownsTokens: true))
        {
            output.WriteLine("max_seq_length: 4");
            var (input, target) = dataset.GetItem(0);
            using (input)
            using (target)
            {
                output.WriteLine($"Next input token ids: {TensorRepr.Ints1(input)} and target ids: {TensorRepr.Ints1(target)}");
                output.WriteLine($"Next input sequence: {gpt2.Decode(ToInts(input))} and target ids: {gpt2.Decode(ToInts(target))}");
            }
        }

        Notebook.Cell(output, 47, "create_dataloader_v1(batch_size=8, max_seq_length=4, stride=4): shuffled, seed 123 (PyTorch's own shuffle order differs)");
        var shuffled = new TokenWindowBatcher(TokenSource.FromMemory(ids), maxLength: 4, stride: 4, batchSize: 8, shuffle: true, seed: 123, dropLast: true);
        foreach (var batch in shuffled)
        {
            output.WriteLine("max_seq_length: 4");
            output.WriteLine("Inputs:\n " + TensorRepr.Ints2(batch.Input));
            output.WriteLine("\nTargets:\n " + TensorRepr.Ints2(batch.Target));
            break;
        }

        Notebook.Cell(output, 48, "token embedding layer nn.Embedding(50257, 256) after torch.manual_seed(123); the first batch, unshuffled");
        torch.manual_seed(123);
        using var embedding = new GptEmbedding(vocabularySize: 50257, embeddingDim: 256, contextLength: 4);
        output.WriteLine("Parameter containing:\n" + TensorRepr.Summary(embedding.TokenEmbedding.weight!) + ",\n       requires_grad=True)");
        var ordered = new TokenWindowBatcher(TokenSource.FromMemory(ids), maxLength: 4, stride: 4, batchSize: 8, shuffle: false);
        foreach (var batch in ordered)
        {
            output.WriteLine("max_seq_length: 4");
            output.WriteLine("Token IDs:\n " + TensorRepr.Ints2(batch.Input));
            output.WriteLine("\nInputs shape:\n " + TensorRepr.Size(batch.Input));
            using var tokenEmbeddings = embedding.TokenEmbedding.forward(batch.Input);
            output.WriteLine(TensorRepr.Size(tokenEmbeddings));

            Notebook.Cell(output, 51, "positional embeddings nn.Embedding(4, 256), added to the token embeddings");
            using var positions = torch.arange(4);
            using var positionEmbeddings = embedding.PositionEmbedding!.forward(positions);
            output.WriteLine(TensorRepr.Size(tokenEmbeddings));
            using var inputEmbeddings = embedding.forward(batch.Input);
            output.WriteLine(TensorRepr.Size(inputEmbeddings));
            break;
        }
    }

    private static int[] ToInts(Tensor t)
    {
        long[] values = t.data<long>().ToArray();
        return Array.ConvertAll(values, v => (int)v);
    }
}

/// <summary>Prints tensors as PyTorch does, for the values the notebook shows.</summary>
internal static class TensorRepr
{
    /// <summary><c>tensor([  40,  367, 2885, 1464])</c>: right-aligned to the widest value.</summary>
    public static string Ints1(Tensor t)
    {
        long[] values = t.data<long>().ToArray();
        int width = Width(values);
        var cells = Array.ConvertAll(values, v => v.ToString(CultureInfo.InvariantCulture).PadLeft(width));
        return "tensor([" + string.Join(", ", cells) + "])";
    }

    /// <summary>A 2-D int64 tensor, one row a line, aligned as PyTorch aligns it.</summary>
    public static string Ints2(Tensor t)
    {
        long rows = t.shape[0], cols = t.shape[1];
        long[] values = t.data<long>().ToArray();
        int width = Width(values);
        var sb = new StringBuilder("tensor([");
        for (long r = 0; r < rows; r++)
        {
            if (r > 0) sb.Append(",\n        ");
            sb.Append('[');
            for (long c = 0; c < cols; c++)
            {
                if (c > 0) sb.Append(", ");
                sb.Append(values[r * cols + c].ToString(CultureInfo.InvariantCulture).PadLeft(width));
            }
            sb.Append(']');
        }
        return sb.Append("])").ToString();
    }

    /// <summary>A large float matrix summarised to its first and last three rows and columns, four decimals.</summary>
    public static string Summary(Tensor t)
    {
        long rows = t.shape[0], cols = t.shape[1];
        var sb = new StringBuilder("tensor([");
        long[] shownRows = [0, 1, 2, -1, rows - 3, rows - 2, rows - 1];
        bool first = true;
        foreach (long r in shownRows)
        {
            if (!first) sb.Append(",\n        ");
            first = false;
            if (r < 0)
            {
                sb.Append("...");
                continue;
            }
            using var row = t[r].detach();
            float[] v = row.data<float>().ToArray();
            var cells = new List<string>();
            for (int c = 0; c < 3; c++) cells.Add(Float(v[c]));
            cells.Add(" ...");
            for (long c = cols - 3; c < cols; c++) cells.Add(Float(v[c]));
            sb.Append('[').Append(string.Join(", ", cells)).Append(']');
        }
        return sb.Append(']').ToString();
    }

    /// <summary><c>torch.Size([8, 4, 256])</c></summary>
    public static string Size(Tensor t) => "torch.Size([" + string.Join(", ", t.shape) + "])";

    private static string Float(float value) => ((double)value).ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(7);

    private static int Width(long[] values)
    {
        int width = 1;
        foreach (long v in values) width = Math.Max(width, v.ToString(CultureInfo.InvariantCulture).Length);
        return width;
    }
}
