using System;
using System.Collections.Generic;
using System.Globalization;
using Tokenizers.Compilation;
using Tokenizers.Generator.Building;
using Tokenizers.Generator.Model;

namespace Tokenizers.Generator.Parsing;

/// <summary>Reads a tiktoken rank file: one <c>base64 rank</c> pair a line; the rank is both the id and the merge priority.</summary>
internal static class TiktokenParser
{
    public static BpeVocabulary? Parse(VocabularyFile file, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        var vocabulary = new BpeVocabulary();
        var seenRanks = new HashSet<int>();
        var seenTokens = new HashSet<string>();
        var singleBytes = new bool[256];
        string text = file.Text!;
        int lineNo = 0, offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            var where = new TextPoint(offset, lineNo, 0);
            offset += rawLine.Length + 1;
            lineNo++;
            if (line.Length == 0) continue;

            int space = line.IndexOf(' ');
            if (space <= 0 || space != line.LastIndexOf(' '))
            {
                Report(where, line.Length, $"expected 'base64 rank', found '{Shorten(line)}'");
                continue;
            }
            string b64 = line.Substring(0, space), rankText = line.Substring(space + 1);
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(b64);
            }
            catch (FormatException)
            {
                Report(where, space, $"'{Shorten(b64)}' is not valid base64");
                continue;
            }
            // Convert also takes embedded white space and stray bits in the last char; tiktoken files never have them,
            // and accepting them would let two spellings stand for one token.
            string canonical = Convert.ToBase64String(bytes);
            if (canonical != b64)
            {
                Report(where, space, $"'{Shorten(b64)}' is not canonical base64 (its bytes are written '{Shorten(canonical)}')");
                continue;
            }
            var rankAt = new TextPoint(where.Offset + space + 1, where.Line, space + 1);
            if (!int.TryParse(rankText, NumberStyles.None, CultureInfo.InvariantCulture, out int rank))
            {
                Report(rankAt, rankText.Length, $"rank '{Shorten(rankText)}' is not a non-negative 32-bit integer");
                continue;
            }
            if (bytes.Length == 0)
            {
                Report(where, space, "a token cannot be empty");
                continue;
            }
            if (rank > TokenizerCompiler.MaxTokenId)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.VocabularyTooLarge, file.At(rankAt, rankText.Length), file.NameAt(rankAt),
                    $"rank {TextDisplay.Number(rank)} is above {TextDisplay.Number(TokenizerCompiler.MaxTokenId)}, the largest id the generated layout supports"));
                continue;
            }
            if (!seenRanks.Add(rank))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateRank, file.At(rankAt, rankText.Length), file.Name, rankAt.Line + 1, rankAt.Column + 1, rank));
                continue;
            }
            if (!seenTokens.Add(b64))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateToken, file.At(where, space), file.Name, where.Line + 1, where.Column + 1, Shorten(b64)));
                continue;
            }
            if (bytes.Length == 1) singleBytes[bytes[0]] = true;
            vocabulary.SetBytes(rank, bytes);
            vocabulary.Mergeable.Add((bytes, rank, rank));
        }
        if (diagnostics.Count == before)
        {
            var missing = new List<int>();
            for (int b = 0; b < 256; b++)
                if (!singleBytes[b]) missing.Add(b);
            if (missing.Count > 0)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingByteAlphabet, file.AtStart(), file.Name, missing.Count,
                    TextDisplay.Bytes(missing, b => "'" + Convert.ToBase64String(new[] { (byte)b }) + "'")));
        }
        return diagnostics.Count > before ? null : vocabulary;

        void Report(TextPoint at, int length, string message)
            => diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidRankLine, file.At(at, Math.Max(length, 1)), file.Name, at.Line + 1, at.Column + 1, message));
    }

    private static string Shorten(string s) => TextDisplay.Show(s);
}
