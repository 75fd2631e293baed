using System;
using System.Diagnostics;
using System.IO;
using Tokenizers.Data;

namespace Tokenizers.TorchSharp.Benchmarks;

/// <summary>The benchmark corpus: a uint16 token file of pseudo-random GPT-2 ids in the temp folder, written once and reused.</summary>
internal static class CorpusFile
{
    public const long DefaultTokens = 100_000_000;
    private const int Gpt2Vocabulary = 50257;

    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), "tokenizers-torchsharp-benchmarks");

    /// <summary>Token count from TOKENIZERS_BENCH_TOKENS, else 10^8.</summary>
    public static long Tokens =>
        long.TryParse(Environment.GetEnvironmentVariable("TOKENIZERS_BENCH_TOKENS"), out long n) && n > 0 ? n : DefaultTokens;

    /// <summary>Path of a file of <paramref name="tokens"/> tokens, written (streaming, bounded memory) if not there yet.</summary>
    public static string Ensure(long tokens)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string path = Path.Combine(Directory, $"tokens-{tokens}.bin");
        if (File.Exists(path) && new FileInfo(path).Length == tokens * sizeof(ushort)) return path;

        Console.WriteLine($"// Writing {tokens:N0} tokens to {path} ...");
        var watch = Stopwatch.StartNew();
        string partial = path + ".partial";
        var chunk = new int[1 << 16];
        ulong state = 0x9E3779B97F4A7C15UL;
        using (var writer = new TokenFileWriter(partial, TokenFileWidth.UInt16))
        {
            for (long left = tokens; left > 0; left -= chunk.Length)
            {
                int n = (int)Math.Min(chunk.Length, left);
                for (int i = 0; i < n; i++)
                {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    chunk[i] = (int)(state % Gpt2Vocabulary);
                }
                writer.Write(chunk.AsSpan(0, n));
            }
        }
        File.Move(partial, path, overwrite: true);
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"// Wrote {tokens * 2 / 1e6:N0} MB in {seconds:N1} s ({tokens / seconds / 1e6:N0} M tokens/s).");
        return path;
    }

    /// <summary>Deletes the corpus files.</summary>
    public static void Delete()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
