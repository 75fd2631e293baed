using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tokenizers.Data;

/// <summary>
/// What one dataset-preparation task wrote into a folder of token shards (<c>tokenizers encode --column</c>): how the
/// ids were made, and for each input its shard, rows, tokens, bytes and SHA-256. A run split over n tasks writes one
/// manifest per task (<c>manifest-i-of-n.json</c>), a single run <c>manifest.json</c>; together they list every shard once.
/// Written as JSON through a temporary file and a rename, so a crash leaves the last complete manifest.
/// </summary>
public sealed class TokenShardManifest
{
    /// <summary>The <c>format</c> value this version writes and reads.</summary>
    public const string FormatName = "tokenizers-token-shards/1";

    /// <summary>The tokenizer's name as given (an encoding, or a tokenizer file's path).</summary>
    public required string Tokenizer { get; init; }

    public required TokenFileWidth Width { get; init; }

    /// <summary>The column (Parquet) or field (JSON Lines) the text was read from.</summary>
    public required string Column { get; init; }

    /// <summary>The special token written before each document, and its id.</summary>
    public required string Separator { get; init; }

    public required int SeparatorId { get; init; }

    /// <summary>Which task of how many wrote this manifest (0 of 1 for a single run).</summary>
    public int ShardIndex { get; init; }

    public int ShardCount { get; init; } = 1;

    public List<TokenShard> Shards { get; init; } = [];

    /// <summary>The file name a task writes its manifest to.</summary>
    public static string FileName(int shardIndex, int shardCount) =>
        shardCount == 1 ? "manifest.json" : $"manifest-{shardIndex}-of-{shardCount}.json";

    /// <summary>Every manifest in <paramref name="folder"/> (<c>manifest*.json</c>), in name order.</summary>
    public static IReadOnlyList<string> FindIn(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        string[] paths = Directory.GetFiles(folder, "manifest*.json");
        Array.Sort(paths, StringComparer.Ordinal);
        return paths;
    }

    /// <summary>Whether this manifest's shards were made the way <paramref name="other"/>'s were (tokenizer, width, column, separator).</summary>
    public bool SameRecipe(TokenShardManifest other) =>
        Tokenizer == other.Tokenizer && Width == other.Width && Column == other.Column && Separator == other.Separator && SeparatorId == other.SeparatorId;

    /// <exception cref="InvalidDataException">The file is not a manifest of this format.</exception>
    public static TokenShardManifest Read(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            if (root.GetProperty("format").GetString() != FormatName)
                throw new InvalidDataException($"{path}: not a {FormatName} manifest");
            var shards = new List<TokenShard>();
            foreach (JsonElement s in root.GetProperty("shards").EnumerateArray())
            {
                shards.Add(new TokenShard(s.GetProperty("index").GetInt32(), s.GetProperty("input").GetString()!, s.GetProperty("input_bytes").GetInt64(),
                    s.GetProperty("shard").GetString()!, s.GetProperty("rows").GetInt64(), s.GetProperty("tokens").GetInt64(),
                    s.GetProperty("bytes").GetInt64(), s.GetProperty("sha256").GetString()!));
            }
            return new TokenShardManifest
            {
                Tokenizer = root.GetProperty("tokenizer").GetString()!,
                Width = root.GetProperty("dtype").GetString() switch
                {
                    "uint16" => TokenFileWidth.UInt16,
                    "uint32" => TokenFileWidth.UInt32,
                    var other => throw new InvalidDataException($"{path}: dtype '{other}' is neither uint16 nor uint32"),
                },
                Column = root.GetProperty("column").GetString()!,
                Separator = root.GetProperty("separator").GetString()!,
                SeparatorId = root.GetProperty("separator_id").GetInt32(),
                ShardIndex = root.GetProperty("shard_index").GetInt32(),
                ShardCount = root.GetProperty("shard_count").GetInt32(),
                Shards = shards,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a readable manifest ({e.Message})", e);
        }
    }

    /// <summary>Writes the manifest to <paramref name="path"/> through a temporary file and a rename.</summary>
    public void Write(string path)
    {
        string temporary = path + ".partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteString("tokenizer", Tokenizer);
            json.WriteString("dtype", Width == TokenFileWidth.UInt16 ? "uint16" : "uint32");
            json.WriteString("column", Column);
            json.WriteString("separator", Separator);
            json.WriteNumber("separator_id", SeparatorId);
            json.WriteNumber("shard_index", ShardIndex);
            json.WriteNumber("shard_count", ShardCount);
            json.WriteStartArray("shards");
            foreach (TokenShard s in Shards)
            {
                json.WriteStartObject();
                json.WriteNumber("index", s.Index);
                json.WriteString("input", s.Input);
                json.WriteNumber("input_bytes", s.InputBytes);
                json.WriteString("shard", s.Shard);
                json.WriteNumber("rows", s.Rows);
                json.WriteNumber("tokens", s.Tokens);
                json.WriteNumber("bytes", s.Bytes);
                json.WriteString("sha256", s.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
    }
}
