using System.Collections.Generic;

namespace Tokenizers.Cli.Conversion;

/// <summary>
/// A BPE vocabulary as tiktoken holds it: mergeable tokens with their ranks, plus special tokens with their ids.
/// </summary>
/// <param name="Ranks">Token → rank. Keys are byte strings in <see cref="ByteLevelAlphabet"/> (one char per byte).</param>
/// <param name="SpecialTokens">Special token text → id.</param>
public sealed record RankFile(IReadOnlyDictionary<string, int> Ranks, IReadOnlyDictionary<string, int> SpecialTokens);
