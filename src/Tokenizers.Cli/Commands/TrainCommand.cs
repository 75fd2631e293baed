using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Text;
using Tokenizers.Training;
using Tokenizers.Training.Bpe;
using Tokenizers.Training.Words;

namespace Tokenizers.Cli.Commands;

/// <summary><c>train</c>: learn a BPE vocabulary (vocab.json + merges.txt) or the notebook's word list (words.txt) from text files.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        Option<string> model = new("--model", "-m") { Description = "bpe (vocab.json + merges.txt) or word (words.txt)", Required = true };
        model.AcceptOnlyFromAmong("bpe", "word");
        Option<int?> vocabSize = new("--vocab-size") { Description = "bpe: total ids (256 bytes + merges + special tokens)" };
        Option<int?> minFrequency = new("--min-frequency") { Description = "bpe: stop when the most frequent pair occurs fewer times (default 2)" };
        Option<string> preTokenizer = new("--pre-tokenizer") { Description = "bpe: gpt2 (default), cl100k, o200k or none; merges never cross its pieces" };
        Option<bool> seedCompatible = new("--seed-compatible")
        {
            Description = "bpe: the seed notebook's trainer exactly: raw bytes, ids 0-255 = byte values, ties to the pair seen first",
        };
        Option<string[]> special = new("--special", "-s") { Description = "Special token appended to the vocabulary; repeatable" };
        Option<string> output = new("--output", "-o") { Description = "Folder to write into (created if needed)", Required = true };
        Argument<string[]> files = new("FILE") { Description = "UTF-8 training text files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("train", "Train a BPE vocabulary or the notebook's word list from text files")
        {
            model, vocabSize, minFrequency, preTokenizer, seedCompatible, special, output, files,
        };
        command.SetAction(result =>
        {
            string[] specials = result.GetValue(special) ?? [];
            string folder = result.GetValue(output)!;
            bool seed = result.GetValue(seedCompatible);
            TextWriter stdout = result.InvocationConfiguration.Output;
            if (result.GetValue(model) == "word")
            {
                foreach (Option bpeOnly in new Option[] { vocabSize, minFrequency, preTokenizer, seedCompatible })
                    if (result.GetResult(bpeOnly) is { Implicit: false }) throw new CliException($"{bpeOnly.Name} is for --model bpe only");
                // The notebook reads with Python's universal newlines; the word list follows it.
                var alreadyWords = new List<string>();
                List<string> words = Run(() => WordVocabularyTrainer.Train(ReadAll(result.GetValue(files)!, likePython: true), specials, alreadyWords));
                foreach (string word in alreadyWords)
                    result.InvocationConfiguration.Error.WriteLine($"tokenizers: warning: special token '{word}' is already a word of the corpus; it keeps its sorted place");
                WordVocabularyTrainer.Write(words, folder);
                stdout.WriteLine($"wrote {Path.Combine(folder, WordVocabularyTrainer.FileName)}: {words.Count} tokens ({specials.Length} special)");
                return 0;
            }

            int size = result.GetValue(vocabSize) ?? throw new CliException("--model bpe needs --vocab-size");
            string? pre = result.GetValue(preTokenizer);
            if (seed && pre is not null && pre != "none") throw new CliException("--seed-compatible trains on raw bytes: it takes no --pre-tokenizer");
            var options = new BpeTrainingOptions
            {
                VocabularySize = size,
                MinFrequency = result.GetValue(minFrequency) ?? 2,
                PreTokenizer = pre ?? "gpt2",
                SpecialTokens = specials,
                SeedCompatible = seed,
                Progress = new StderrProgress(result.InvocationConfiguration.Error),
            };
            List<string> texts = ReadAll(result.GetValue(files)!, likePython: seed);
            TrainedBpe bpe = Run(() => BpeTrainer.Train(texts, options));
            Run(() => HuggingFaceBpeWriter.Write(bpe, folder));
            stdout.WriteLine($"wrote {folder}: vocab.json ({bpe.VocabularySize} ids: 256 bytes, {bpe.Tokens.Count - 256} merged tokens, "
                + $"{bpe.SpecialTokens.Count} special), merges.txt ({bpe.Merges.Count} merges); stopped: {bpe.StopReason}");
            return 0;
        });
        return command;
    }

    private static List<string> ReadAll(string[] paths, bool likePython)
    {
        var texts = new List<string>(paths.Length);
        foreach (string path in paths)
        {
            CommonOptions.RequireFile(path);
            try
            {
                texts.Add(likePython ? CorpusReader.ReadLikePython(path) : CorpusReader.ReadExact(path));
            }
            catch (DecoderFallbackException)
            {
                throw new CliException($"{path}: not valid UTF-8");
            }
        }
        return texts;
    }

    /// <summary>Turns the library's argument and data errors into one-line CLI errors.</summary>
    private static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            throw new CliException(e.Message);
        }
    }

    private static void Run(Action action) => Run(() => { action(); return 0; });

    /// <summary>A line on stderr at most once a second, so short runs stay quiet and long ones show they are alive.</summary>
    private sealed class StderrProgress(TextWriter stderr) : IProgress<BpeTrainingProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastReport;

        public void Report(BpeTrainingProgress value)
        {
            TimeSpan now = _clock.Elapsed;
            if (value.Finished ? _lastReport == TimeSpan.Zero : now - _lastReport < TimeSpan.FromSeconds(1)) return;
            _lastReport = now;
            stderr.WriteLine($"train: {value.Merges:N0}/{value.MaxMerges:N0} merges, last pair seen {value.LastPairCount:N0} times, {now.TotalSeconds:F1} s");
        }
    }
}
