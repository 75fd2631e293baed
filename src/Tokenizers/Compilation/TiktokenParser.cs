using System;
using System.Collections.Generic;
using System.Globalization;

namespace Tokenizers.Compilation;

/// <summary>Reads a tiktoken rank file: one <c>base64 rank</c> pair a line; the rank is both the id and the merge priority.</summary>
internal static class TiktokenParser
{
    public static BpeVocabulary? Parse(string text, List<CompileError> errors)
    {
        int before = errors.Count;
        var vocabulary = new BpeVocabulary();
        var seenRanks = new HashSet<int>();
        var seenTokens = new HashSet<string>();
        var singleBytes = new bool[256];
        int lineNo = 0, offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            var where = new SourcePoint(offset, lineNo, 0);
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
            var rankAt = new SourcePoint(where.Offset + space + 1, where.Line, space + 1);
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
            if (rank > BpeVocabulary.MaxTokenId)
            {
                errors.Add(new(CompileErrorCodes.TooLarge,
                    $"rank {TextDisplay.Number(rank)} is above {TextDisplay.Number(BpeVocabulary.MaxTokenId)}, the largest id the generated layout supports", null, rankAt, rankText.Length));
                continue;
            }
            if (!seenRanks.Add(rank))
            {
                errors.Add(new(CompileErrorCodes.DuplicateRank, $"rank {rank.ToString(CultureInfo.InvariantCulture)} is given twice", null, rankAt, rankText.Length));
                continue;
            }
            if (!seenTokens.Add(b64))
            {
                errors.Add(new(CompileErrorCodes.DuplicateToken, $"token '{Shorten(b64)}' appears more than once", null, where, space));
                continue;
            }
            if (bytes.Length == 1) singleBytes[bytes[0]] = true;
            vocabulary.SetBytes(rank, bytes);
            vocabulary.Mergeable.Add((bytes, rank, rank));
        }
        if (errors.Count == before)
        {
            var missing = new List<int>();
            for (int b = 0; b < 256; b++)
                if (!singleBytes[b]) missing.Add(b);
            if (missing.Count > 0)
                errors.Add(CompileError.InFile(CompileErrorCodes.MissingByteAlphabet, $"the vocabulary has no token for {missing.Count.ToString(CultureInfo.InvariantCulture)} of the 256 bytes ("
                    + TextDisplay.Bytes(missing, b => "'" + Convert.ToBase64String(new[] { (byte)b }) + "'") + "); byte-level BPE needs all 256"));
        }
        return errors.Count > before ? null : vocabulary;

        void Report(SourcePoint at, int length, string message)
            => errors.Add(new(CompileErrorCodes.InvalidRankLine, message, null, at, Math.Max(length, 1)));
    }

    private static string Shorten(string s) => TextDisplay.Show(s);
}
