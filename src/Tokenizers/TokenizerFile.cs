using System;
using System.Collections.Generic;
using System.IO;
using Tokenizers.Compilation;
using Tokenizers.Loading;

namespace Tokenizers;

/// <summary>
/// Loads a tokenizer from files that arrive at run time (a downloaded model, a vocabulary just trained): a Hugging Face
/// tokenizer.json, vocab.json + merges.txt, a tiktoken rank file or a word list. The files go through the parsers and
/// table builders that <c>[GeneratedTokenizer]</c> runs at build time, and the tables through the same runtime classes,
/// so a loaded tokenizer gives the ids of the generated one; it is immutable and thread-safe like one. A file the
/// generator would refuse throws <see cref="TokenizerFormatException"/> with the generator's message.
/// </summary>
public static class TokenizerFile
{
    private static readonly TokenizerFileOptions s_noOptions = new();

    /// <summary>
    /// Loads a tokenizer.json, a <c>.tiktoken</c> rank file (GPT-2's pre-tokenizer, no special tokens: see the overload
    /// with options) or a <c>.txt</c> word list, told apart by the file's extension as the generator does.
    /// </summary>
    /// <exception cref="TokenizerFormatException">The file is malformed, inconsistent or of an unsupported kind.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is missing).</exception>
    public static ITokenizer Load(string path) => Load(path, s_noOptions);

    /// <summary>Loads one file as <see cref="Load(string)"/> does, with the settings the file does not carry itself.</summary>
    /// <exception cref="ArgumentException">An option is not valid, or does not fit the file (the generator's message).</exception>
    /// <exception cref="TokenizerFormatException">The file is malformed, inconsistent or of an unsupported kind.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ITokenizer Load(string path, TokenizerFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string name = Path.GetFileName(path);
        if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return WordListLoader.Load(path, options);
        if (name.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
        {
            return BpeLoader.Load(".tiktoken", [path], options, inputs =>
            {
                var errors = new List<CompileError>();
                var vocabulary = TiktokenParser.Parse(ReadText(inputs[0], path), errors);
                ThrowFirst(errors, path);
                return vocabulary!;
            });
        }
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (string.Equals(name, "vocab.json", StringComparison.OrdinalIgnoreCase))
                throw Unsupported(path, "vocab.json needs a merges file as the second argument (a Hugging Face tokenizer.json takes one argument)");
            return TokenizerJsonLoader.Load(path, options);
        }
        throw Unsupported(path, "expected a tokenizer.json, a .tiktoken file, vocab.json with merges.txt, or a .txt word list");
    }

    /// <summary>Loads a Hugging Face byte-level BPE vocabulary: vocab.json and merges.txt (GPT-2's format, and <c>train</c>'s output).</summary>
    /// <exception cref="TokenizerFormatException">A file is malformed or the two do not fit together.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ITokenizer Load(string vocabJsonPath, string mergesPath) => Load(vocabJsonPath, mergesPath, s_noOptions);

    /// <summary>Loads vocab.json and merges.txt with a pattern and special tokens, as the attribute takes them.</summary>
    /// <exception cref="ArgumentException">An option is not valid (the generator's message).</exception>
    /// <exception cref="TokenizerFormatException">A file is malformed or the two do not fit together.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ITokenizer Load(string vocabJsonPath, string mergesPath, TokenizerFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(vocabJsonPath);
        ArgumentNullException.ThrowIfNull(mergesPath);
        ArgumentNullException.ThrowIfNull(options);
        if (!vocabJsonPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw Unsupported(vocabJsonPath, "a merges file goes with a vocab.json vocabulary; a .tiktoken file or a word list takes no second argument");
        return BpeLoader.Load("vocab.json+merges.txt", [vocabJsonPath, mergesPath], options, inputs =>
        {
            string vocabText = ReadText(inputs[0], vocabJsonPath), mergesText = ReadText(inputs[1], mergesPath);
            var vocabErrors = new List<CompileError>();
            var mergesErrors = new List<CompileError>();
            var vocabulary = HuggingFaceBpeParser.Parse(vocabText, mergesText, vocabErrors, mergesErrors);
            ThrowFirst(vocabErrors, vocabJsonPath);
            ThrowFirst(mergesErrors, mergesPath);
            return vocabulary!;
        });
    }

    /// <summary>
    /// The file as text, as the compiler would hand it to the generator: UTF-8, a byte-order mark dropped. Anything
    /// else, and an empty file, is TOK011.
    /// </summary>
    internal static string ReadText(string path) => ReadText(File.ReadAllBytes(path), path);

    /// <summary>The text of <paramref name="bytes"/>, read from <paramref name="path"/>, as <see cref="ReadText(string)"/> gives it.</summary>
    internal static string ReadText(byte[] bytes, string path)
    {
        int bad = Utf8Check.FirstInvalid(bytes);
        if (bad >= 0)
        {
            string before = System.Text.Encoding.UTF8.GetString(bytes, 0, bad);
            var where = new LineMap(before).PointAt(before.Length);
            throw Error(VocabularyText.NotUtf8(where, $"byte 0x{bytes[bad]:X2} here is not valid UTF-8"), path);
        }
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string text = System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        if (VocabularyText.Blank(text) is { } blank) throw Error(blank, path);
        return text;
    }

    /// <summary>Throws the first of <paramref name="errors"/>, the one the generator lists first.</summary>
    internal static void ThrowFirst(List<CompileError> errors, string path)
    {
        if (errors.Count > 0) throw Error(errors[0], path);
    }

    internal static TokenizerFormatException Error(CompileError error, string path)
        => new(error.Format(Path.GetFileName(path)), error.Code, path,
            error.ShowsPoint ? error.Where.Line + 1 : null, error.ShowsPoint ? error.Where.Column + 1 : null, error.JsonPath);

    /// <summary>A problem of the whole file that is not in one place of it (its size), worded "name: why".</summary>
    internal static TokenizerFormatException FileError(string code, string why, string path)
        => Error(CompileError.InFile(code, why), path);

    private static TokenizerFormatException Unsupported(string path, string why)
        => new($"'{path}' is not a supported vocabulary: {why}", CompileErrorCodes.UnsupportedFormat, path);
}
