using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Tokenizers;
using Tokenizers.Bpe;
using Tokenizers.WordLevel;

namespace SeedNotebook;

/// <summary>
/// Replays the tokenizer cells of the seed notebook (../shared/seed) on a corpus, printing what the notebook prints,
/// in its formats. Usage: <c>dotnet run --project samples/SeedNotebook -- [corpus.txt]</c>; without an argument it
/// uses BuiltInText.txt, a short text written for this project.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        if (args.Length > 1)
        {
            Console.Error.WriteLine("usage: SeedNotebook [corpus.txt]");
            return 2;
        }
        if (args.Length == 1 && !File.Exists(args[0]))
        {
            Console.Error.WriteLine($"SeedNotebook: file not found: {args[0]}");
            return 2;
        }
        byte[] bytes = args.Length == 0 ? BuiltInText() : File.ReadAllBytes(args[0]);
        Vocabularies? vocabularies = VocabulariesFor(bytes, args.Length == 0 ? "the built-in text" : args[0]);
        if (vocabularies is null) return 2;

        // open(path, 'r', encoding='utf-8').read(): Python's universal newlines.
        string rawText = new UTF8Encoding(false).GetString(bytes).Replace("\r\n", "\n").Replace('\r', '\n');
        Notebook.Replay(rawText, vocabularies, Console.Out);
        return 0;
    }

    /// <summary>The tokenizers compiled from this corpus, or null (with a message) when the build trained on another.</summary>
    private static Vocabularies? VocabulariesFor(byte[] corpus, string name)
    {
        string hash = Convert.ToHexString(SHA256.HashData(corpus));
        if (hash.Equals(Metadata("SeedCorpusSha256"), StringComparison.OrdinalIgnoreCase))
            return new Vocabularies(Metadata("SeedCorpus"), new Corpus.WordsV1(), new Corpus.WordsV2(), new Corpus.SeedBpe());
        if (hash.Equals(Metadata("BuiltInSha256"), StringComparison.OrdinalIgnoreCase))
            return new Vocabularies("the built-in text", new BuiltIn.WordsV1(), new BuiltIn.WordsV2(), new BuiltIn.SeedBpe());
        Console.Error.WriteLine($"SeedNotebook: this build compiled its vocabularies from {Metadata("SeedCorpus")} and the built-in text, not from {name}.");
        Console.Error.WriteLine($"Rebuild for it: dotnet run --project samples/SeedNotebook -p:SeedCorpus={Path.GetFullPath(name)} -- {name}");
        return null;
    }

    private static string Metadata(string key) => typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value ?? "";

    private static byte[] BuiltInText()
    {
        using Stream stream = typeof(Program).Assembly.GetManifestResourceStream("BuiltInText.txt")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
