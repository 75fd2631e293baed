namespace Tokenizers.Compilation;

/// <summary>
/// The compiled tables of a word-level tokenizer, as Tokenizers.WordLevel.WordLevelModel reads them: the words back to
/// back, their offsets and an open-addressing hash table (both int32 packed two bytes a char).
/// </summary>
internal sealed record WordTables(
    string Words,
    string WordOffsets,
    string Buckets,
    int WordCount,
    int BucketCount,
    int UnknownId,
    string? UnknownToken,
    string? Pattern);
