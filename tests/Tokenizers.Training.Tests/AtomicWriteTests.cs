using System.Text;
using Tokenizers.Training;

namespace Tokenizers.Training.Tests;

/// <summary>
/// <c>train</c> writes each file through a temporary file beside it and a rename: a write that fails half way leaves
/// the previous file as it was and no temporary file behind; a successful one leaves only the finished files.
/// </summary>
public class AtomicWriteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokenizers-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReplacesTheFileWhole()
    {
        string path = Path.Combine(_folder, "vocab.json");
        File.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    /// <summary>
    /// The write fails after part of the text is on disk (the strict encoder meets a lone surrogate 1 MB in): the
    /// old file is untouched, and the partial temporary file is gone.
    /// </summary>
    [Fact]
    public void AWriteThatFailsHalfWayLeavesTheOldFile()
    {
        string path = Path.Combine(_folder, "merges.txt");
        File.WriteAllText(path, "#version: 0.2\nold\n");
        string content = new string('x', 1 << 20) + "\uD800" + new string('y', 1000);
        Assert.ThrowsAny<EncoderFallbackException>(() => AtomicFile.WriteAllText(path, content));
        Assert.Equal("#version: 0.2\nold\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void TrainLeavesOnlyFinishedFiles()
    {
        string corpus = Path.Combine(_folder, "corpus.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat("the cat sat on the mat with the hat. ", 200)));
        string output = Path.Combine(_folder, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "vocab.json"), "stale");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, Cli.Program.Run(["train", "--model", "bpe", "--vocab-size", "300", "--output", output, corpus], stdout, stderr));
        Assert.Equal(["merges.txt", "vocab.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(output, "vocab.json")));

        Assert.Equal(0, Cli.Program.Run(["train", "--model", "word", "--output", output, corpus], stdout, stderr));
        Assert.Equal(["merges.txt", "vocab.json", "words.txt"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
    }

    /// <summary>A training run that fails (a special token spelled like a learned token) writes nothing at all.</summary>
    [Fact]
    public void AFailedTrainWritesNothing()
    {
        string corpus = Path.Combine(_folder, "corpus.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat("abab abab ", 100)));
        string output = Path.Combine(_folder, "out");
        var stderr = new StringWriter();
        Assert.Equal(2, Cli.Program.Run(["train", "--model", "bpe", "--vocab-size", "300", "--output", output, Path.Combine(_folder, "missing.txt")],
            new StringWriter(), stderr));
        Assert.False(Directory.Exists(output));
        Assert.Contains("file not found", stderr.ToString());
    }
}
