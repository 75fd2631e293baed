using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Tokenizers.Cli.Conversion;
using Tokenizers.Training.Bpe;

namespace Tokenizers.Cli.Commands;

/// <summary><c>convert</c>: tiktoken rank file → Hugging Face vocab.json + merges.txt, verified before writing.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        Option<string> input = new("--input", "-i") { Description = "Rank file: .tiktoken, raw deflate (or a .dll embedding it), or npm tiktoken's encoder .json", Required = true };
        Option<string> format = new("--format", "-f") { Description = $"One of {RankFileFormats.Names}; default: from the file extension" };
        Option<string[]> special = new("--special", "-s") { Description = "Special token as TOKEN=ID; repeatable" };
        Option<string> output = new("--output", "-o") { Description = "Folder for vocab.json and merges.txt", Required = true };
        var command = new Command("convert", "Convert a tiktoken rank file to Hugging Face vocab.json + merges.txt") { input, format, special, output };
        command.SetAction(result =>
        {
            string path = CommonOptions.RequireFile(result.GetValue(input)!);
            RankFile ranks = WithSpecials(Read(path, ParseFormat(result.GetValue(format), path)), result.GetValue(special) ?? []);
            ConversionResult converted;
            try
            {
                converted = Converter.Convert(ranks);
            }
            catch (InvalidDataException e)
            {
                throw new CliException($"{path}: {e.Message}");
            }
            string folder = result.GetValue(output)!;
            HuggingFaceBpeWriter.Write(converted.VocabJson, converted.MergesText, folder);
            result.InvocationConfiguration.Output.WriteLine(
                $"wrote {folder}: vocab.json ({converted.VocabularyCount} entries, {ranks.SpecialTokens.Count} special), merges.txt ({converted.MergeCount} merges); verified");
            return 0;
        });
        return command;
    }

    private static RankFileFormat ParseFormat(string? name, string path) =>
        name is null ? RankFileFormats.Infer(path)
        : RankFileFormats.TryParse(name, out RankFileFormat format) ? format
        : throw new CliException($"unknown format '{name}'; use one of {RankFileFormats.Names}");

    private static RankFile Read(string path, RankFileFormat format)
    {
        try
        {
            return RankFileReader.Read(path, format);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }

    /// <summary>Adds <c>--special</c> entries to those the file declares; the same name with two ids is an error.</summary>
    private static RankFile WithSpecials(RankFile ranks, string[] entries)
    {
        var specials = new Dictionary<string, int>(ranks.SpecialTokens);
        foreach (string entry in entries)
        {
            int equals = entry.LastIndexOf('=');
            if (equals <= 0 || !int.TryParse(entry.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                throw new CliException($"--special '{entry}': expected TOKEN=ID");
            }
            string name = entry[..equals];
            if (specials.TryGetValue(name, out int existing) && existing != id)
            {
                throw new CliException($"--special '{entry}': {name} already has id {existing}");
            }
            specials[name] = id;
        }
        return ranks with { SpecialTokens = specials };
    }
}
