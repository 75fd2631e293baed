using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tokenizers.Compilation;

namespace Tokenizers.Cli.Conversion;

/// <summary>Reads tiktoken rank lists from the containers of <see cref="RankFileFormat"/>.</summary>
/// <exception cref="InvalidDataException">The file is malformed.</exception>
public static class RankFileReader
{
    public static RankFile Read(string path, RankFileFormat format) => format switch
    {
        RankFileFormat.Tiktoken => Parse(ReadUtf8(File.ReadAllBytes(path)), new Dictionary<string, int>()),
        RankFileFormat.TiktokenDeflate => Parse(ReadUtf8(Inflate(ReadDeflated(path))), new Dictionary<string, int>()),
        RankFileFormat.TiktokenJson => ParseTiktokenJson(ReadUtf8(File.ReadAllBytes(path))),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// Parses rank text. Lines are <c>base64 rank</c> (.tiktoken), <c>base64</c> alone (rank = previous + 1, as in
    /// ML.Tokenizers' deflate data, whose first line is <c>Capacity: N</c>), or <c>! offset base64…</c> (npm
    /// tiktoken: consecutive ranks from offset). CR LF and blank lines are accepted. The other forms are written as
    /// <c>base64 rank</c> lines and every line is read by the generator's own parser (<see cref="TiktokenParser"/>),
    /// so convert accepts what <c>[GeneratedTokenizer]</c> and <see cref="TokenizerFile"/> accept, by the same rules.
    /// </summary>
    public static RankFile Parse(string text, IReadOnlyDictionary<string, int> specialTokens)
    {
        var canonical = new StringBuilder(text.Length + 16);
        var origin = new List<int>(); // the source line of each canonical line
        int nextRank = 0;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || (i == 0 && line.StartsWith("Capacity:", StringComparison.Ordinal)))
            {
                continue;
            }
            string[] fields = line.Split(' ');
            if (fields[0] == "!")
            {
                nextRank = fields.Length >= 2 ? ParseRank(fields[1], i) : throw Malformed(i, "missing offset");
                for (int f = 2; f < fields.Length; f++)
                {
                    Add(fields[f], nextRank++, i);
                }
            }
            else if (fields.Length <= 2)
            {
                int rank = fields.Length == 2 ? ParseRank(fields[1], i) : nextRank;
                Add(fields[0], rank, i);
                nextRank = rank + 1;
            }
            else
            {
                throw Malformed(i, "expected 'base64 rank'");
            }
        }
        if (origin.Count == 0)
        {
            throw new InvalidDataException("the rank file holds no token");
        }

        var errors = new List<CompileError>();
        BpeVocabulary? vocabulary = TiktokenParser.Parse(canonical.ToString(), errors);
        if (errors.Count > 0)
        {
            CompileError first = errors[0];
            throw first.ShowsPoint ? Malformed(origin[first.Where.Line], first.Message) : new InvalidDataException(first.Message);
        }
        var ranks = new Dictionary<string, int>(vocabulary!.Mergeable.Count, StringComparer.Ordinal);
        foreach (var (bytes, rank, _) in vocabulary.Mergeable) ranks.Add(ByteLevelAlphabet.Encode(bytes), rank);
        return new RankFile(ranks, specialTokens);

        void Add(string base64, int rank, int lineIndex)
        {
            canonical.Append(base64).Append(' ').Append(rank.ToString(CultureInfo.InvariantCulture)).Append('\n');
            origin.Add(lineIndex);
        }
    }

    private static RankFile ParseTiktokenJson(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("bpe_ranks", out JsonElement bpeRanks) ||
                bpeRanks.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException("expected a JSON object with a string 'bpe_ranks'");
            }
            var specials = new Dictionary<string, int>(StringComparer.Ordinal);
            if (root.TryGetProperty("special_tokens", out JsonElement special) && special.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in special.EnumerateObject())
                {
                    specials[property.Name] = property.Value.GetInt32();
                }
            }
            return Parse(bpeRanks.GetString()!, specials);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"not a tiktoken encoder JSON: {e.Message}");
        }
    }

    /// <summary>The deflated bytes: the file itself, or the <c>*.tiktoken.deflate</c> resource when it is a .NET assembly.</summary>
    private static byte[] ReadDeflated(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return bytes.Length >= 2 && bytes[0] == 'M' && bytes[1] == 'Z'
            ? ManifestResourceReader.ReadSingle(path, ".tiktoken.deflate")
            : bytes;
    }

    private static byte[] Inflate(byte[] deflated)
    {
        try
        {
            using var input = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"not raw deflate data: {e.Message}");
        }
    }

    private static string ReadUtf8(byte[] bytes)
    {
        try
        {
            string text = ByteLevelText.Utf8NoBom.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text.Substring(1) : text;
        }
        catch (ArgumentException)
        {
            throw new InvalidDataException("the rank text is not UTF-8");
        }
    }

    private static int ParseRank(string text, int lineIndex) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int rank)
            ? rank
            : throw Malformed(lineIndex, $"'{text}' is not a rank");

    private static InvalidDataException Malformed(int lineIndex, string what) => new($"line {lineIndex + 1}: {what}");
}
