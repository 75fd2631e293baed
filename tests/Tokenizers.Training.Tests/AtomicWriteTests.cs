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

    /// <summary>
    /// merges.txt cannot be written (a directory is in its way) after vocab.json was: the old vocab.json is put back,
    /// and nothing of the attempt is left.
    /// </summary>
    [Fact]
    public void AFailedSecondFileKeepsTheOldSet()
    {
        string output = Path.Combine(_folder, "out");
        Directory.CreateDirectory(Path.Combine(output, "merges.txt"));
        File.WriteAllText(Path.Combine(output, "vocab.json"), "old vocab");
        Assert.ThrowsAny<IOException>(() => Bpe.HuggingFaceBpeWriter.Write("{\"a\": 0}", "#version: 0.2\n", output));
        Assert.Equal("old vocab", File.ReadAllText(Path.Combine(output, "vocab.json")));
        Assert.Equal(["merges.txt"], Directory.GetDirectories(output).Select(Path.GetFileName));
        Assert.Equal([Path.Combine(output, "vocab.json")], Directory.GetFiles(output));

        // With no old vocab.json, the new one does not stay alone either.
        File.Delete(Path.Combine(output, "vocab.json"));
        Assert.ThrowsAny<IOException>(() => Bpe.HuggingFaceBpeWriter.Write("{\"a\": 0}", "#version: 0.2\n", output));
        Assert.Empty(Directory.GetFiles(output));
    }

    /// <summary>The second file's write fails half way (a lone surrogate 1 MB in): neither old file is touched.</summary>
    [Fact]
    public void AWriteThatFailsHalfWayKeepsTheOldSet()
    {
        File.WriteAllText(Path.Combine(_folder, "vocab.json"), "old vocab");
        File.WriteAllText(Path.Combine(_folder, "merges.txt"), "old merges");
        string merges = new string('x', 1 << 20) + "\uD800";
        Assert.ThrowsAny<EncoderFallbackException>(() => AtomicFileSet.Write(_folder, [("vocab.json", "new vocab"), ("merges.txt", merges)]));
        Assert.Equal("old vocab", File.ReadAllText(Path.Combine(_folder, "vocab.json")));
        Assert.Equal("old merges", File.ReadAllText(Path.Combine(_folder, "merges.txt")));
        Assert.Equal(2, Directory.GetFileSystemEntries(_folder).Length);
    }

    /// <summary>The CLI: train into a folder whose merges.txt is a directory fails with exit code 2 and keeps the old vocab.json.</summary>
    [Fact]
    public void TrainIntoAFolderWithADirectoryInTheWayKeepsTheOldSet()
    {
        string corpus = Path.Combine(_folder, "corpus.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat("the cat sat on the mat with the hat. ", 200)));
        string output = Path.Combine(_folder, "out");
        Directory.CreateDirectory(Path.Combine(output, "merges.txt"));
        File.WriteAllText(Path.Combine(output, "vocab.json"), "old vocab");
        var stderr = new StringWriter();
        Assert.Equal(2, Cli.Program.Run(["train", "--model", "bpe", "--vocab-size", "300", "--output", output, corpus], new StringWriter(), stderr));
        Assert.StartsWith("tokenizers: error: ", stderr.ToString());
        Assert.Equal("old vocab", File.ReadAllText(Path.Combine(output, "vocab.json")));
        Assert.Single(Directory.GetFileSystemEntries(output), Path.Combine(output, "vocab.json"));
    }
}
