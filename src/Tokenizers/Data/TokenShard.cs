namespace Tokenizers.Data;

/// <summary>One entry of a <see cref="TokenShardManifest"/>: the token file made from one input.</summary>
/// <param name="Index">The input's place in the sorted list of every input of the run: shards are read in this order.</param>
/// <param name="Input">The input file as the command named it.</param>
/// <param name="InputBytes">The input's size when it was encoded; a re-run encodes it again if the size changed.</param>
/// <param name="Shard">The token file's name, in the manifest's folder.</param>
/// <param name="Rows">Documents (rows or lines) encoded, each as the separator token followed by its ids.</param>
/// <param name="Tokens">Ids in the shard.</param>
/// <param name="Bytes">The shard's size: <paramref name="Tokens"/> × 2 or 4.</param>
/// <param name="Sha256">SHA-256 of the shard, lower-case hex.</param>
public sealed record TokenShard(int Index, string Input, long InputBytes, string Shard, long Rows, long Tokens, long Bytes, string Sha256);
