namespace Tokenizers.TorchSharp.Tests;

/// <summary>Values the notebook printed (build-an-llm-from-scratch-notebook.txt, cells 45 and 48).</summary>
public static class NotebookValues
{
    /// <summary>The first batch of create_dataloader_v1(raw_text, batch_size=8, max_seq_length=4, stride=4, shuffle=False).</summary>
    public static readonly long[,] FirstBatchInputs =
    {
        { 40, 367, 2885, 1464 },
        { 1807, 3619, 402, 271 },
        { 10899, 2138, 257, 7026 },
        { 15632, 438, 2016, 257 },
        { 922, 5891, 1576, 438 },
        { 568, 340, 373, 645 },
        { 1049, 5975, 284, 502 },
        { 284, 3285, 326, 11 },
    };

    /// <summary>Row 0, row 1 and the last row (50256) of nn.Embedding(50257, 256) after torch.manual_seed(123): first three and last three values.</summary>
    public static readonly (long Row, float[] Head, float[] Tail)[] EmbeddingRows =
    [
        (0, [0.3374f, -0.1778f, -0.3035f], [1.3337f, 0.0771f, -0.0522f]),
        (1, [0.2386f, 0.1411f, -1.3354f], [-0.0315f, -1.0640f, 0.9417f]),
        (2, [-1.3152f, -0.0677f, -0.1350f], [-0.3181f, -1.3936f, 0.5226f]),
        (50254, [0.5871f, -0.0572f, -1.1628f], [-0.6887f, -0.7364f, 0.4479f]),
        (50255, [0.4438f, 0.7411f, 1.1263f], [1.2091f, 0.6781f, 0.3331f]),
        (50256, [-0.2537f, 0.1446f, 0.7203f], [-0.2134f, 0.2144f, 0.3006f]),
    ];
}
