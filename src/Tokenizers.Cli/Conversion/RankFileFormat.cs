using System;
using System.IO;

namespace Tokenizers.Cli.Conversion;

/// <summary>Containers of a tiktoken rank list.</summary>
public enum RankFileFormat
{
    /// <summary><c>.tiktoken</c> text: <c>base64 rank</c> a line.</summary>
    Tiktoken,

    /// <summary>Raw deflate of rank text (ML.Tokenizers data packages), as a file or as the resource of a .dll.</summary>
    TiktokenDeflate,

    /// <summary>npm tiktoken's <c>encoders/*.json</c>: <c>bpe_ranks</c> text and <c>special_tokens</c>.</summary>
    TiktokenJson,
}

public static class RankFileFormats
{
    public const string Names = "tiktoken, tiktoken-deflate, tiktoken-json";

    public static bool TryParse(string name, out RankFileFormat format)
    {
        switch (name.ToLowerInvariant())
        {
            case "tiktoken": format = RankFileFormat.Tiktoken; return true;
            case "tiktoken-deflate": format = RankFileFormat.TiktokenDeflate; return true;
            case "tiktoken-json": format = RankFileFormat.TiktokenJson; return true;
            default: format = default; return false;
        }
    }

    /// <summary>Guesses the format from the file name when none is given.</summary>
    public static RankFileFormat Infer(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".deflate" or ".dll" => RankFileFormat.TiktokenDeflate,
        ".json" => RankFileFormat.TiktokenJson,
        _ => RankFileFormat.Tiktoken,
    };
}
